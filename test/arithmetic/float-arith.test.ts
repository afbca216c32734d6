import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Arith } from '../../src/arithmetic/arith.js';
import { DomainError } from '../../src/arithmetic/domain-error.js';
import { decimalFromDouble } from '../../src/arithmetic/exact.js';
import { floatArith } from '../../src/arithmetic/float-arith.js';
import type { Interval } from '../../src/arithmetic/interval.js';
import { intervalArith } from '../../src/arithmetic/interval-arith.js';
import { nextUp } from '../../src/arithmetic/rounding.js';
import { params } from './float-generators.js';

const A = intervalArith;
const D = Decimal.clone({ precision: 80 });

/** A formula written once against Arith<T> (the empirical logistic risk of margins z_i). */
function risk<T>(ar: Arith<T>, margins: number[]): T {
  const losses = margins.map((z) => ar.logistic(ar.num(z)));
  return ar.div(ar.sum(losses), ar.num(margins.length));
}

describe('intervalArith', () => {
  it('is the certified interval instance', () => {
    expect(A.kind).toBe('interval');
    expect(A.certified).toBe(true);
    expect(floatArith.certified).toBe(false);
  });

  it('exact(text) is the tightest double enclosure of decimal and rational literals', () => {
    const literal = fc.oneof(
      fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -330, max: 310 })).map(([m, e]) => `${m}e${e}`),
      fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e6 })).map(([p, q]) => `${p}/${q}`),
      fc.tuple(fc.nat(1e6), fc.nat(1e6)).map(([a, b]) => `${a}.${b}`),
    );
    fc.assert(
      fc.property(literal, (text) => {
        const r = A.exact(text);
        const [p, q] = text.split('/');
        const v = q === undefined ? new D(p) : new D(p).div(q); // 80 digits: the quotient is off by < 1e-79 relative
        const lo = r.lo === -Infinity ? null : decimalFromDouble(r.lo);
        const hi = r.hi === Infinity ? null : decimalFromDouble(r.hi);
        const inside = (lo === null || lo.lte(v)) && (hi === null || hi.gte(v));
        // Tightest: no double strictly between the ends (ends equal only for exact doubles).
        const tight = r.lo === r.hi ? decimalFromDouble(r.lo).eq(v) : nextUp(r.lo) === r.hi || r.lo === Number.MAX_VALUE;
        return inside && tight;
      }),
      params(2000),
    );
    expect(A.exact('0.1')).toEqual({ lo: 0.09999999999999999, hi: 0.1 });
    expect(A.exact('0.5')).toEqual({ lo: 0.5, hi: 0.5 });
    expect(A.exact('1/3')).toEqual({ lo: 0.3333333333333333, hi: 0.33333333333333337 });
    expect(A.exact('1e400')).toEqual({ lo: Number.MAX_VALUE, hi: Infinity });
    expect(A.exact('-3e-7').hi).toBe(-3e-7);
    expect(() => A.exact('1/0')).toThrow(DomainError);
    expect(() => A.exact('abc')).toThrow(SyntaxError);
  });

  it('constants enclose π, e and ln 2', () => {
    const check = (r: Interval, v: Decimal) => {
      expect(decimalFromDouble(r.lo).lt(v)).toBe(true);
      expect(decimalFromDouble(r.hi).gt(v)).toBe(true);
      expect(nextUp(r.lo)).toBe(r.hi);
    };
    check(A.constant('pi'), D.acos(-1));
    check(A.constant('e'), D.exp(1));
    check(A.constant('ln2'), D.ln(2));
  });

  it('num, range, lo, hi, width, hull, subset, format', () => {
    expect(A.num(2)).toEqual({ lo: 2, hi: 2 });
    expect(() => A.num(NaN)).toThrow(DomainError);
    expect(A.range(-1, 2)).toEqual({ lo: -1, hi: 2 });
    expect(() => A.range(2, -1)).toThrow();
    const x = A.range(0.1, 0.2);
    expect(A.lo(x)).toBe(0.1);
    expect(A.hi(x)).toBe(0.2);
    expect(A.width(x)).toBeGreaterThanOrEqual(0.1);
    expect(A.hull(A.num(1), A.num(3))).toEqual({ lo: 1, hi: 3 });
    expect(A.subset(A.num(2), A.range(1, 3))).toBe(true);
    expect(A.format(A.exact('0.1'))).toEqual([
      '0.09999999999999999167332731531132594682276248931884765625',
      '0.1000000000000000055511151231257827021181583404541015625',
    ]);
  });

  it('lt and le are certified comparisons', () => {
    expect(A.lt(A.num(1), A.num(2))).toBe('proved');
    expect(A.lt(A.num(2), A.num(2))).toBe('refuted');
    expect(A.le(A.num(2), A.num(2))).toBe('proved');
    expect(A.lt(A.range(0, 2), A.range(1, 3))).toBe('inconclusive');
    expect(A.le(A.range(3, 4), A.range(1, 2))).toBe('refuted');
    // The exact sum of the doubles 0.1 and 0.2 (0.30000000000000001665…) exceeds the double 0.3
    // (0.29999999999999998889…); its tightest enclosure starts at that double, so ≤ is proved, < is not.
    expect(A.le(A.num(0.3), A.add(A.num(0.1), A.num(0.2)))).toBe('proved');
    expect(A.lt(A.num(0.3), A.add(A.num(0.1), A.num(0.2)))).toBe('inconclusive');
    // the exact reals 1/10 + 2/10 = 3/10 cannot be separated by enclosures
    expect(A.lt(A.exact('3/10'), A.add(A.exact('0.1'), A.exact('0.2')))).toBe('inconclusive');
  });

  it('evaluates one formula in floats and in intervals; the interval result encloses the float one here', () => {
    const margins = [-1000, -3.5, 0, 0.25, 7, 1e300];
    const f = risk(floatArith, margins);
    const r = risk(A, margins);
    expect(r.lo).toBeLessThanOrEqual(f);
    expect(r.hi).toBeGreaterThanOrEqual(f);
    expect(r.hi - r.lo).toBeLessThan(1e-12);
    // … and on a box: z ∈ [0, 1] for every margin gives ℓ ∈ [ℓ(1), ℓ(0)].
    const box = A.div(A.sum([A.logistic(A.range(0, 1)), A.logistic(A.range(0, 1))]), A.num(2));
    expect(box.lo).toBeLessThan(0.3133);
    expect(box.hi).toBeGreaterThan(0.6931);
  });

  it('powInt, sqrt, sqr, abs, min, max, neg through the instance', () => {
    expect(A.powInt(A.range(-3, 1), 3)).toEqual({ lo: -27, hi: 1 });
    expect(A.sqrt(A.num(4))).toEqual({ lo: 2, hi: 2 });
    expect(A.sqr(A.range(-2, 1))).toEqual({ lo: 0, hi: 4 });
    expect(A.abs(A.range(-Infinity, Infinity))).toEqual({ lo: 0, hi: Infinity });
    expect(A.min(A.num(1), A.num(2))).toEqual({ lo: 1, hi: 1 });
    expect(A.max(A.num(1), A.num(2))).toEqual({ lo: 2, hi: 2 });
    expect(A.neg(A.range(1, 2))).toEqual({ lo: -2, hi: -1 });
    expect(A.expm1(A.num(0))).toEqual({ lo: 0, hi: 0 });
    expect(A.log1p(A.num(0))).toEqual({ lo: 0, hi: 0 });
  });
});

describe('floatArith', () => {
  it('computes plainly and throws uncertain DomainErrors', () => {
    expect(floatArith.add(0.1, 0.2)).toBe(0.30000000000000004);
    expect(floatArith.logistic(-1000)).toBe(1000);
    expect(floatArith.logisticPrime(1000)).toBe(-0);
    expect(floatArith.logisticInverse(floatArith.logistic(3))).toBeCloseTo(3, 12);
    expect(floatArith.logisticInverse(1e300)).toBe(-1e300);
    expect(floatArith.exact('1/4')).toBe(0.25);
    expect(floatArith.range(1, 3)).toBe(2);
    expect(floatArith.lt(1, 2)).toBe('proved');
    const err = (() => {
      try {
        floatArith.log(0);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).certain).toBe(false);
    expect(() => floatArith.num(NaN)).toThrow(DomainError);
    expect(() => floatArith.div(1, 0)).toThrow(DomainError);
  });
});
