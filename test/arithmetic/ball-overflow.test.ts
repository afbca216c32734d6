import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryValue, MAX } from '../../src/arithmetic/rounding.js';
import { hornerBall, intervalOfBall, pointNormLower, pointNormUpper } from '../../src/trajectories/ball-arithmetic.js';
import { finiteDouble, params } from './float-generators.js';

/**
 * The ball kernels at the edges of the double range: huge and subnormal
 * entries, overflowing polynomials. Every bound is compared exactly (BigInt).
 */

/** x² as m·2^(2e), compared with y² exactly: sign of x² − y² summed over vectors. */
function squareSum(xs: readonly number[]): { m: bigint; e: number } {
  let m = 0n;
  const e = -2148;
  for (const x of xs) {
    const b = binaryValue(x);
    m += (b.m * b.m) << BigInt(2 * b.e - e);
  }
  return { m, e };
}

function square(x: number): { m: bigint; e: number } {
  return squareSum([x]);
}

const atMost = (a: { m: bigint }, b: { m: bigint }) => a.m <= b.m;

describe('pointNormLower and pointNormUpper over the whole double range', () => {
  it('bound the exact norm (no NaN from an overflowing Σx²)', () => {
    fc.assert(
      fc.property(fc.array(finiteDouble, { minLength: 1, maxLength: 12 }), (x) => {
        const lo = pointNormLower(x);
        const hi = pointNormUpper(x);
        const exact = squareSum(x);
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(atMost(square(lo), exact), `lower ${lo}`).toBe(true);
        if (hi < Infinity) expect(atMost(exact, square(hi)), `upper ${hi}`).toBe(true);
      }),
      params(),
    );
  });

  it('is tight for a single huge or tiny entry', () => {
    expect(pointNormLower([1e200])).toBeGreaterThan(1e200 * (1 - 1e-15));
    expect(pointNormLower([1e200])).toBeLessThanOrEqual(1e200);
    expect(pointNormLower([MAX, MAX])).toBe(MAX);
    expect(pointNormLower([1e-300])).toBeGreaterThan(1e-300 * (1 - 1e-15));
    expect(pointNormLower([Infinity])).toBe(MAX);
    expect(pointNormLower([NaN])).toBe(0);
  });
});

describe('hornerBall on overflow', () => {
  it('returns a sound radius, +∞ where nothing finite is left, never NaN', () => {
    const [m, r] = hornerBall(Float64Array.from([1, 1e300, 1e300]), 0, 1, 2, 1e300, 1);
    expect(Number.isNaN(m) || Number.isNaN(r)).toBe(false);
    const { lo, hi } = intervalOfBall(m, r);
    expect(lo).toBe(-Infinity);
    expect(hi).toBe(Infinity);
    const [m2, r2] = hornerBall(Float64Array.from([1, -1e308, 1e308]), 0, 1, 2, 1e10, 0);
    expect(r2 >= 0 && !Number.isNaN(m2)).toBe(true);
  });

  it('keeps finite results unchanged', () => {
    expect(hornerBall(Float64Array.from([1, 2, 3]), 0, 1, 2, 0.5, 0)[0]).toBe(1 + 2 * 0.5 + 3 * 0.25);
  });
});
