import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { decimalArith } from '../../src/arithmetic/decimal-arith.js';
import { type DD, compare, renormalised } from '../../src/arithmetic/double-double.js';
import { type DDInterval, doubleDoubleArith as A } from '../../src/arithmetic/double-double-arith.js';
import { DomainError } from '../../src/arithmetic/domain-error.js';
import { decimalFromDouble } from '../../src/arithmetic/exact.js';
import { finiteDouble, params } from './float-generators.js';
import { nextDown, nextUp } from '../../src/arithmetic/rounding.js';

/** Wide enough that sums and products of double-double values are exact. */
const Exact = Decimal.clone({ precision: 5000, minE: -9e15, maxE: 9e15 });
const exact = (x: DD): Decimal => new Exact(decimalFromDouble(x.h)).plus(decimalFromDouble(x.l));
const contains = (r: DDInterval, v: Decimal): boolean => exact(r.lo).lte(v) && v.lte(exact(r.hi));
const RUNS = 3000;

/** Doubles in the range where the double-double operations run, and across all of the double range (the fallback). */
const moderate = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: -1000, max: 1000 }).chain((k) => fc.double({ min: 2 ** k, max: 2 ** (k + 1), noNaN: true }).map((x) => x)),
  fc.constantFrom(0, 1, -1, 0.1, 1e-12, -1e-12, 2 ** 450, 2 ** -450, 2 ** 990, 2 ** -960, 2 ** -500, 3 * 2 ** 400),
);
const high = fc.oneof({ weight: 4, arbitrary: moderate }, { weight: 1, arbitrary: finiteDouble });
const ddValue: fc.Arbitrary<DD> = fc
  .tuple(high, fc.double({ min: -1, max: 1, noNaN: true }), fc.boolean())
  .map(([h, r, withLow]) => (withLow && Number.isFinite(h * 2 ** -53) ? renormalised(h, h * 2 ** -53 * r * 0.999) : renormalised(h, 0)));
const ddInterval: fc.Arbitrary<DDInterval> = fc.tuple(ddValue, ddValue, fc.boolean()).map(([x, y, point]) => {
  if (point) return { lo: x, hi: x };
  return compare(x, y) <= 0 ? { lo: x, hi: y } : { lo: y, hi: x };
});
const ends = (a: DDInterval): Decimal[] => [exact(a.lo), exact(a.hi)];

describe('double-double intervals enclose the exact result', () => {
  it('add, sub, mul: every pair of ends', () => {
    fc.assert(
      fc.property(ddInterval, ddInterval, (a, b) => {
        const [s, d, p] = [A.add(a, b), A.sub(a, b), A.mul(a, b)];
        for (const x of ends(a)) {
          for (const y of ends(b)) {
            if (!contains(s, x.plus(y)) || !contains(d, x.minus(y)) || !contains(p, x.times(y))) return false;
          }
        }
        return true;
      }),
      params(RUNS),
    );
  });

  it('sums that nearly cancel: x + y with y.h within a few ulps of −x.h and any low parts', () => {
    const nearNegation = fc.tuple(ddValue, fc.integer({ min: -3, max: 3 }), fc.double({ min: -1, max: 1, noNaN: true })).map(([x, ulps, r]) => {
      let h = -x.h;
      for (let k = 0; k < Math.abs(ulps); k++) h = ulps > 0 ? nextUp(h) : nextDown(h);
      if (!Number.isFinite(h)) h = -x.h;
      return [x, renormalised(h, Number.isFinite(h * 2 ** -53) ? h * 2 ** -53 * r * 0.999 : 0)] as const;
    });
    fc.assert(
      fc.property(nearNegation, ([x, y]) => contains(A.add({ lo: x, hi: x }, { lo: y, hi: y }), exact(x).plus(exact(y)))),
      params(RUNS),
    );
  });

  it('div: every pair of ends, and a DomainError when the divisor contains 0', () => {
    fc.assert(
      fc.property(ddInterval, ddInterval, (a, b) => {
        if (b.lo.h <= 0 && b.hi.h >= 0) return expect(() => A.div(a, b)).toThrow(DomainError), true;
        const q = A.div(a, b);
        // lo ≤ x/y ≤ hi, multiplied out exactly: lo·y ≤ x ≤ hi·y for y > 0 (reversed for y < 0).
        const [lo, hi] = ends(q);
        for (const x of ends(a)) {
          for (const y of ends(b)) {
            const ok = y.isPositive() ? lo.times(y).lte(x) && x.lte(hi.times(y)) : hi.times(y).lte(x) && x.lte(lo.times(y));
            if (!ok) return false;
          }
        }
        return true;
      }),
      params(RUNS),
    );
  });

  it('sqrt, sqr, abs, neg, min, max, relu and the dot product', () => {
    fc.assert(
      fc.property(ddInterval, ddInterval, fc.array(fc.tuple(ddInterval, ddInterval), { maxLength: 6 }), (a, b, pairs) => {
        if (a.lo.h > 0) {
          // √x ≥ lo and ≤ hi, squared out exactly.
          const [lo, hi] = ends(A.sqrt(a));
          for (const x of ends(a)) if (!(lo.times(lo).lte(x) && x.lte(hi.times(hi)) && lo.gte(0))) return false;
        }
        for (const x of ends(a)) {
          if (!contains(A.sqr(a), x.times(x)) || !contains(A.abs(a), x.abs()) || !contains(A.neg(a), x.neg())) return false;
          if (!contains(A.relu(a), Decimal.max(x, 0))) return false;
          for (const y of ends(b)) if (!contains(A.min(a, b), Decimal.min(x, y)) || !contains(A.max(a, b), Decimal.max(x, y))) return false;
        }
        const dot = A.dot(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        const lo = pairs.reduce((s, [x, y]) => s.plus(exact(x.lo).times(exact(y.lo))), new Exact(0));
        return contains(dot, lo) || pairs.some(([x, y]) => compare(x.lo, x.hi) !== 0 || compare(y.lo, y.hi) !== 0) ? true : false;
      }),
      params(RUNS),
    );
  });

  it('the elementary functions and losses contain the 60-digit enclosure at each end', () => {
    const D60 = decimalArith(60);
    const unary = ['exp', 'expm1', 'log', 'log1p', 'sqrt', 'logistic', 'logisticPrime', 'expLoss', 'expLossInverse', 'logisticInverse'] as const;
    const small = fc.oneof(fc.double({ min: -800, max: 800, noNaN: true }), fc.double({ min: -1e-3, max: 1e-3, noNaN: true }), fc.constantFrom(0, 650, -650, 651, 600, -600, 1 + 2 ** -52, 1 - 2 ** -53, 1 + 1 / 32, 1 - 1 / 32, -1 / 32, 1 / 32, 2 ** -899, Math.LN2, 0.5 * Math.LN2, -0.5 * Math.LN2)).map((h) => renormalised(h, 0));
    fc.assert(
      fc.property(fc.oneof(ddValue, small), fc.constantFrom(...unary), (x, f) => {
        let r: DDInterval;
        try {
          r = A[f]({ lo: x, hi: x });
        } catch (error) {
          return error instanceof DomainError;
        }
        const reference = D60[f](D60.add(D60.num(x.h), D60.num(x.l)));
        const [lo, hi] = [exact(r.lo), exact(r.hi)];
        if (lo.lte(reference.lo) && reference.hi.lte(hi)) return true;
        // A reference wider than the result (60 digits of an absolute error near 0) can only be met.
        return reference.hi.minus(reference.lo).gt(hi.minus(lo)) && lo.lte(reference.hi) && reference.lo.lte(hi);
      }),
      params(4000),
    );
  });
});

describe('double-double intervals are tight', () => {
  it('a product, quotient or square root of points in range is about 29 digits wide, e^x, log and the losses about 27', () => {
    fc.assert(
      fc.property(moderate, moderate, (x, y) => {
        const modest = (v: number): boolean => v === 0 || (Math.abs(v) >= 2 ** -200 && Math.abs(v) <= 2 ** 200);
        if (!modest(x) || !modest(y)) return true;
        const a = A.num(x);
        const b = A.num(y);
        const third = A.div(A.num(1), A.num(3));
        for (const r of [A.mul(A.mul(a, b), third), y !== 0 ? A.div(a, b) : a, x > 0 ? A.sqrt(a) : a]) {
          const size = Math.max(Math.abs(A.lo(r)), Math.abs(A.hi(r)));
          if (A.width(r) > size * 2 ** -90) return false;
        }
        // log and the losses natively, near 29 digits.
        for (const r of [x > 0 ? A.log(a) : a, x > -0.5 ? A.log1p(a) : a, Math.abs(x) <= 600 ? A.logistic(a) : a, Math.abs(x) <= 600 ? A.logisticPrime(a) : a]) {
          const size = Math.max(Math.abs(A.lo(r)), Math.abs(A.hi(r)));
          if (A.width(r) > size * 2 ** -78) return false;
        }
        // e^x runs natively, 16 times wider for its four squarings (near e^−650 the underflow allowance widens it).
        const e = A.exp(A.num(Math.max(-600, Math.min(650, x))));
        if (A.width(e) > A.hi(e) * 2 ** -85) return false;
        return true;
      }),
      params(RUNS),
    );
  });

  it('products and sums of exact doubles are exact: zeros stay exactly zero', () => {
    expect(A.mul(A.num(0.1), A.num(0.3)).lo).toEqual(A.mul(A.num(0.1), A.num(0.3)).hi);
    expect(A.add(A.num(1), A.num(2 ** -80))).toEqual({ lo: { h: 1, l: 2 ** -80 }, hi: { h: 1, l: 2 ** -80 } });
    expect(A.dot([A.num(0.1), A.num(0.1)], [A.num(3), A.num(-3)])).toEqual(A.num(0));
    expect(A.width(A.sub(A.mul(A.num(0.1), A.num(0.7)), A.mul(A.num(0.7), A.num(0.1))))).toBe(0);
  });

  it('σ′ follows the kink convention: exactly 0 at an exact zero, [0, 1] across one', () => {
    expect(A.format(A.reluPrime(A.num(0)))).toEqual(['0', '0']);
    expect(A.format(A.reluPrime(A.range(-1, 1)))).toEqual(['0', '1']);
    expect(A.format(A.reluPrime(A.num(2 ** -500)))).toEqual(['1', '1']);
  });
});
