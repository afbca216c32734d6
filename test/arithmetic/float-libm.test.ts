import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LIBM_ULPS } from '../../src/arithmetic/elementary.js';
import { decimalFromDouble } from '../../src/arithmetic/exact.js';
import { nextDown, nextUp } from '../../src/arithmetic/rounding.js';
import { RUNS, SEED } from './float-generators.js';
import { fuzz } from '../fuzz.js';

/**
 * The float intervals trust V8's Math.exp/expm1/log/log1p to be within one
 * ulp (elementary.ts widens by LIBM_ULPS = 2). ECMAScript does not specify
 * their accuracy, so this test measures it against decimal.js at 60 digits
 * on 10^4 inputs (2,500 per function) across each function's range, and
 * checks monotonicity on adjacent doubles (inclusion isotonicity relies on it).
 */

const D = Decimal.clone({ precision: 60, minE: -9e15, maxE: 9e15 });
const PER_FUNCTION = Math.ceil(RUNS / 4);

/** Series Σ_{k=1..9} c_k x^k for |x| < 1e-5 (truncation below 1e-45 relative). */
function series(x: Decimal, coefficient: (k: number) => Decimal): Decimal {
  let sum = new D(0);
  let power = new D(1);
  for (let k = 1; k <= 9; k++) {
    power = power.times(x);
    sum = sum.plus(power.times(coefficient(k)));
  }
  return sum;
}

let factorial = [new D(1)];
for (let k = 1; k <= 10; k++) factorial.push(factorial[k - 1].times(k));

const reference: Record<string, (x: Decimal) => Decimal> = {
  exp: (x) => D.exp(x),
  log: (x) => D.ln(x),
  // Away from 0 the cancellation in e^x − 1 and 1 + x costs at most 5 of the 60 digits.
  expm1: (x) => (x.abs().lt(1e-5) ? series(x, (k) => new D(1).div(factorial[k])) : D.exp(x).minus(1)),
  log1p: (x) => (x.abs().lt(1e-5) ? series(x, (k) => new D(k % 2 ? 1 : -1).div(k)) : D.ln(x.plus(1))),
};

const fns: Record<string, (x: number) => number> = { exp: Math.exp, log: Math.log, expm1: Math.expm1, log1p: Math.log1p };

const logUniformPositive = fc
  .tuple(fc.integer({ min: -1074, max: 1023 }), fc.double({ min: 1, max: 2, maxExcluded: true, noNaN: true }))
  .map(([k, m]) => Math.min(m * 2 ** k, Number.MAX_VALUE))
  .filter((x) => x > 0);

const domains: Record<string, fc.Arbitrary<number>> = {
  exp: fc.oneof(
    fc.double({ min: -745, max: 709.78, noNaN: true }),
    logUniformPositive.filter((x) => x < 709).chain((x) => fc.constantFrom(x, -x)),
  ),
  log: fc.oneof(logUniformPositive, fc.double({ min: 0.5, max: 2, noNaN: true })),
  expm1: fc.oneof(
    fc.double({ min: -50, max: 709.78, noNaN: true }),
    logUniformPositive.filter((x) => x < 700).chain((x) => fc.constantFrom(x, -x)),
  ),
  log1p: fc.oneof(
    fc.double({ min: -1, max: 10, minExcluded: true, noNaN: true }),
    logUniformPositive.chain((x) => fc.constantFrom(x, x < 1 ? -x : x)),
  ),
};

/** |y − v| in units of the spacing of doubles next to y on v's side. */
function ulpError(y: number, v: Decimal): number {
  const yd = decimalFromDouble(y);
  if (yd.eq(v)) return 0;
  const neighbour = v.gt(yd) ? nextUp(y) : nextDown(y);
  const spacing = decimalFromDouble(neighbour).minus(yd).abs();
  return v.minus(yd).abs().div(spacing).toNumber();
}

const worst: Record<string, { ulps: number; at: number }> = {};
afterAll(() => console.log(`LIBM_ACCURACY ${JSON.stringify(worst)}`));

describe('V8 libm accuracy against decimal.js (60 digits)', () => {
  for (const name of Object.keys(fns)) {
    it(`Math.${name} is within one ulp`, () => {
      const w = (worst[name] = { ulps: 0, at: NaN });
      fc.assert(
        fc.property(domains[name], (x) => {
          const y = fns[name](x);
          if (!Number.isFinite(y) || y === 0) return true; // overflow / underflow ends are handled separately
          const err = ulpError(y, reference[name](decimalFromDouble(x)));
          if (err > w.ulps) Object.assign(w, { ulps: err, at: x });
          return err < 1;
        }),
        fuzz(PER_FUNCTION, SEED),
      );
      expect(w.ulps).toBeLessThan(LIBM_ULPS - 1 + 1e-9);
    });
  }
});

describe('V8 libm monotonicity on adjacent doubles', () => {
  for (const name of Object.keys(fns)) {
    it(`Math.${name} is non-decreasing`, () => {
      fc.assert(
        fc.property(domains[name], (x) => {
          const f = fns[name];
          const up = nextUp(x);
          return f(nextDown(x)) <= f(x) && f(x) <= f(up);
        }),
        fuzz(RUNS * 5, SEED),
      );
    });
  }
});

describe('near overflow and underflow', () => {
  /** 2k + 1 consecutive doubles around x. */
  function around(x: number, k: number): number[] {
    const xs = [x];
    for (let i = 0, lo = x, hi = x; i < k; i++) xs.push((lo = nextDown(lo)), (hi = nextUp(hi)));
    return xs;
  }
  const MAX = decimalFromDouble(Number.MAX_VALUE);
  const TWO_SUBNORMALS = decimalFromDouble(1e-323);

  it('Math.exp returns +∞ only where the exact value is ≥ the double just below MAX_VALUE', () => {
    // elementary.ts then takes the lower bound pred(pred(MAX_VALUE)).
    const below = decimalFromDouble(nextDown(Number.MAX_VALUE));
    let overflows = 0;
    for (const x of around(709.782712893384, 200)) {
      const y = Math.exp(x);
      if (y === Infinity) {
        overflows++;
        expect(D.exp(decimalFromDouble(x)).gte(below), `${x}`).toBe(true);
      } else expect(ulpError(y, D.exp(decimalFromDouble(x))), `${x}`).toBeLessThan(1);
    }
    expect(overflows).toBeGreaterThan(0);
    expect(D.exp(decimalFromDouble(709.782712893384)).gt(MAX)).toBe(false);
  });

  it('Math.exp and Math.expm1 return 0 / −1 only where the exact value is within two subnormals of it', () => {
    let zeros = 0;
    for (const x of around(-745.1332191019412, 200)) {
      if (Math.exp(x) === 0) {
        zeros++;
        expect(D.exp(decimalFromDouble(x)).lt(TWO_SUBNORMALS), `${x}`).toBe(true);
      }
    }
    expect(zeros).toBeGreaterThan(0);
    expect(Math.expm1(-800)).toBe(-1);
  });
});
