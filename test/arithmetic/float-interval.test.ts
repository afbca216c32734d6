import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/arithmetic/domain-error.js';
import * as E from '../../src/arithmetic/elementary.js';
import * as I from '../../src/arithmetic/interval.js';
import { nextDown, nextUp } from '../../src/arithmetic/rounding.js';

const MAX = Number.MAX_VALUE;
const p = I.point;
const iv = I.interval;

describe('interval edge cases (hand-worked)', () => {
  it('odd powers of an interval spanning 0 reach the negative end: [-3, 1]^3 = [-27, 1]', () => {
    expect(I.powInt(iv(-3, 1), 3)).toEqual({ lo: -27, hi: 1 });
    expect(I.powInt(iv(-2, 3), 2)).toEqual({ lo: 0, hi: 9 });
    expect(I.powInt(iv(-2, -1), -1)).toEqual({ lo: -1, hi: -0.5 });
    expect(I.powInt(iv(-1, 2), 0)).toEqual({ lo: 1, hi: 1 });
    // (double 0.1)² = 0.0100000000000000011102…, between the doubles 0.01 (= 0.0100000000000000002081…) and the next.
    expect(I.powInt(p(0.1), 2)).toEqual({ lo: 0.01, hi: nextUp(0.01) });
  });

  it('abs of the whole line is [0, ∞] (not empty)', () => {
    expect(I.abs(I.ENTIRE)).toEqual({ lo: 0, hi: Infinity });
    expect(I.abs(iv(-3, 2))).toEqual({ lo: 0, hi: 3 });
    expect(I.abs(iv(-3, -2))).toEqual({ lo: 2, hi: 3 });
  });

  it('0 · ∞ = 0 and products of unbounded intervals', () => {
    expect(I.mul(I.ZERO, I.ENTIRE)).toEqual({ lo: 0, hi: 0 });
    expect(I.mul(iv(0, 1), iv(1, Infinity))).toEqual({ lo: 0, hi: Infinity });
    expect(I.mul(iv(-1, 1), I.ENTIRE)).toEqual(I.ENTIRE);
    expect(I.mul(iv(2, 3), iv(-Infinity, -1))).toEqual({ lo: -Infinity, hi: -2 });
  });

  it('finite overflow keeps a finite lower end: [1e308, 1e308] + [1e308, 1e308] = [MAX, ∞]', () => {
    expect(I.add(p(1e308), p(1e308))).toEqual({ lo: MAX, hi: Infinity });
    expect(I.mul(p(-1e200), p(1e200))).toEqual({ lo: -Infinity, hi: -MAX });
    expect(I.sqr(p(1e155))).toEqual({ lo: MAX, hi: Infinity });
  });

  it('1/3 and 0.1 + 0.2 are enclosed by adjacent doubles', () => {
    const third = I.div(I.ONE, p(3));
    expect(third.lo).toBe(0.3333333333333333);
    expect(third.hi).toBe(nextUp(0.3333333333333333));
    const s = I.add(p(0.1), p(0.2));
    // Exact sum 0.3000000000000000166533…, between the doubles 0.3 (= 0.2999999999999999888977…) and 0.30000000000000004.
    expect(s).toEqual({ lo: 0.3, hi: 0.30000000000000004 });
    expect(I.add(p(1), p(2 ** -53))).toEqual({ lo: 1, hi: nextUp(1) });
  });

  it('subnormals: the smallest products round outward to 0 and the least subnormal', () => {
    expect(I.mul(p(5e-324), p(0.5))).toEqual({ lo: 0, hi: 5e-324 });
    expect(I.mul(p(-5e-324), p(5e-324))).toEqual({ lo: -5e-324, hi: 0 });
    expect(I.div(p(5e-324), p(2))).toEqual({ lo: 0, hi: 5e-324 });
    expect(I.sqrt(p(5e-324))).toEqual({ lo: 2 ** -537, hi: 2 ** -537 }); // √(2^-1074) is exact
    // √2 = 1.4142135623730950488… lies just below Math.SQRT2 = 1.4142135623730951454…
    expect(I.sqrt(p(2))).toEqual({ lo: nextDown(Math.SQRT2), hi: Math.SQRT2 });
  });

  it('division: DomainError when the divisor contains 0, certain only for [0, 0]', () => {
    expect(() => I.div(I.ONE, iv(-1, 1))).toThrow(DomainError);
    try {
      I.div(I.ONE, iv(0, 1));
    } catch (e) {
      expect((e as DomainError).certain).toBe(false);
    }
    try {
      I.div(I.ONE, I.ZERO);
    } catch (e) {
      expect((e as DomainError).certain).toBe(true);
    }
    expect(I.div(iv(1, 2), iv(4, Infinity))).toEqual({ lo: 0, hi: 0.5 });
  });

  it('IEEE 1788 division of intervals containing 0', () => {
    expect(I.divRelaxed(iv(1, 2), iv(-1, 1))).toEqual(I.ENTIRE);
    expect(I.divRelaxed(iv(1, 2), iv(0, 4))).toEqual({ lo: 0.25, hi: Infinity });
    expect(I.divRelaxed(iv(-2, -1), iv(0, 4))).toEqual({ lo: -Infinity, hi: -0.25 });
    expect(I.divRelaxed(iv(1, 2), I.ZERO)).toBeNull();
    expect(I.divRelaxed(I.ZERO, iv(-1, 1))).toEqual(I.ZERO);
    expect(I.divRelaxed(iv(0, 2), iv(-3, 0))).toEqual({ lo: -Infinity, hi: 0 });
  });

  it('sqrt: DomainError for negative parts (strict), clipping in the 1788 variant', () => {
    expect(() => I.sqrt(iv(-1, 4))).toThrow(DomainError);
    expect(I.sqrtRelaxed(iv(-1, 4))).toEqual({ lo: 0, hi: 2 });
    expect(I.sqrtRelaxed(iv(-2, -1))).toBeNull();
    expect(I.sqrt(iv(4, Infinity))).toEqual({ lo: 2, hi: Infinity });
  });

  it('point refuses NaN and reads ±∞ as the range beyond ±MAX_VALUE', () => {
    expect(() => I.point(NaN)).toThrow(DomainError);
    expect(() => I.interval(0, NaN)).toThrow(DomainError);
    expect(() => I.interval(2, 1)).toThrow(RangeError);
    expect(I.point(Infinity)).toEqual({ lo: MAX, hi: Infinity });
    expect(I.point(-Infinity)).toEqual({ lo: -Infinity, hi: -MAX });
    expect(Object.is(I.point(-0).lo, 0)).toBe(true);
  });

  it('hull, intersect, subset, width, midpoint', () => {
    expect(I.hull(iv(0, 1), iv(3, 4))).toEqual({ lo: 0, hi: 4 });
    expect(I.intersect(iv(0, 1), iv(3, 4))).toBeNull();
    expect(I.intersect(iv(0, 3), iv(2, 4))).toEqual({ lo: 2, hi: 3 });
    expect(I.subset(iv(1, 2), iv(0, 3))).toBe(true);
    expect(I.subset(iv(1, 4), iv(0, 3))).toBe(false);
    expect(I.width(iv(0.1, 0.3))).toBeGreaterThanOrEqual(0.3 - 0.1);
    expect(I.width(iv(-MAX, MAX))).toBe(Infinity);
    expect(I.midpoint(iv(-MAX, MAX))).toBe(0);
    expect(I.midpoint(I.ENTIRE)).toBe(0);
    expect(I.midpoint(iv(5e-324, 5e-324))).toBe(5e-324);
    expect(I.midpoint(iv(1, Infinity))).toBe(MAX);
  });
});

describe('elementary functions (hand-worked)', () => {
  it('exp near overflow is [≤ exact, ∞], never [∞, ∞]: exp(709.8) ≈ 1.8299e308 > MAX', () => {
    const r = E.exp(p(709.8));
    expect(r.hi).toBe(Infinity);
    expect(Number.isFinite(r.lo)).toBe(true);
    expect(r.lo).toBeLessThanOrEqual(MAX);
    // exp(709.78) = MAX · e^(709.78 − 709.7827128933840) ≈ 1.79282e308 is finite.
    const s = E.exp(p(709.78));
    expect(s.lo).toBeGreaterThan(1.7928e308);
    expect(s.hi).toBeLessThan(1.7929e308);
  });

  it('exact values: exp 0 = 1, log 1 = 0, expm1 0 = 0, log1p 0 = 0, exp(−∞) = 0', () => {
    expect(E.exp(I.ZERO)).toEqual({ lo: 1, hi: 1 });
    expect(E.log(I.ONE)).toEqual({ lo: 0, hi: 0 });
    expect(E.expm1(I.ZERO)).toEqual({ lo: 0, hi: 0 });
    expect(E.log1p(I.ZERO)).toEqual({ lo: 0, hi: 0 });
    expect(E.exp(iv(-Infinity, 0))).toEqual({ lo: 0, hi: 1 });
    expect(E.log(iv(1, Infinity))).toEqual({ lo: 0, hi: Infinity });
  });

  it('underflow keeps a positive upper end: exp(−800) ∈ [0, tiny]', () => {
    const r = E.exp(p(-800));
    expect(r.lo).toBe(0);
    expect(r.hi).toBeGreaterThan(0);
    expect(r.hi).toBeLessThan(1e-322);
  });

  it('e = exp(1) is enclosed: 2.718281828459045235…', () => {
    const r = E.exp(I.ONE);
    expect(r.lo).toBeLessThanOrEqual(Math.E);
    expect(r.hi).toBeGreaterThanOrEqual(nextUp(Math.E));
    expect(r.hi - r.lo).toBeLessThanOrEqual(4 * 2 ** -51); // two ulps each side
  });

  it('log and log1p domains', () => {
    expect(() => E.log(iv(0, 1))).toThrow(DomainError);
    expect(() => E.log1p(iv(-1, 1))).toThrow(DomainError);
    expect(E.logRelaxed(iv(0, 1))).toEqual({ lo: -Infinity, hi: 0 });
    expect(E.log1p(iv(nextUp(-1), 0)).lo).toBeLessThan(-36);
  });

  it('tiny arguments of expm1 and log1p are one ulp wide', () => {
    expect(E.expm1(p(1e-300))).toEqual({ lo: 1e-300, hi: nextUp(1e-300) });
    expect(E.log1p(p(1e-300))).toEqual({ lo: nextDown(1e-300), hi: 1e-300 });
    expect(E.expm1(p(-5e-324))).toEqual({ lo: -5e-324, hi: 0 });
  });
});
