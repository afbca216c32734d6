import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hornerBall, normUpper, pointNormLower, pointNormUpper, roundoffRadius } from '../../src/trajectories/ball-arithmetic.js';
import { SEED, exactBinary } from './margin-reference.js';
import { fuzz } from '../fuzz.js';

/**
 * The a-priori rounding bounds of the ball kernels against exact BigInt
 * arithmetic (every double is m·2^e; all sums are compared over 2^−2148).
 */


/** x as an integer multiple of 2^−2148 (products of two doubles are exact there). */
const SHIFT = 2148;
function scaled(x: number): bigint {
  const { m, e } = exactBinary(x);
  return m << BigInt(e + SHIFT);
}
function product(x: number, y: number): bigint {
  const a = exactBinary(x);
  const b = exactBinary(y);
  return (a.m * b.m) << BigInt(a.e + b.e + SHIFT);
}
const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** Doubles over a wide range of magnitudes, including subnormals, kept small enough that products stay finite. */
const value = fc.oneof(
  fc.double({ min: -1, max: 1, noNaN: true }),
  fc.tuple(fc.double({ min: 1, max: 2, noNaN: true }), fc.integer({ min: -1074, max: 200 }), fc.boolean()).map(([m, e, s]) => (s ? -1 : 1) * m * 2 ** e),
  fc.constantFrom(0, 5e-324, -5e-324, 2 ** -1022, 1, -1),
);
const radius = fc.oneof(fc.constant(0), value.map(Math.abs));

describe('ball arithmetic bounds', () => {
  it('a sum of ball products lies within mid ± roundoffRadius', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, radius, radius), { minLength: 1, maxLength: 40 }), (terms) => {
        let s = 0;
        let A = 0;
        let B = 0;
        let exactMid = 0n;
        let exactRad = 0n;
        for (const [x, y, xr, yr] of terms) {
          const t = x * y;
          s += t;
          A += Math.abs(t);
          B += Math.abs(x) * yr + xr * (Math.abs(y) + yr);
          exactMid += product(x, y);
          // |xy − x'y'| ≤ |x|yr + xr(|y| + yr) over the balls.
          exactRad += abs(product(x, yr)) + abs(product(xr, y)) + abs(product(xr, yr));
        }
        fc.pre(Number.isFinite(s) && Number.isFinite(A) && Number.isFinite(B));
        const r = roundoffRadius(A, B, terms.length);
        // |s − exact| + exact radius ≤ r.
        expect(abs(scaled(s) - exactMid) + exactRad <= scaled(r)).toBe(true);
      }),
      fuzz(3000, SEED),
    );
  });

  it('Horner evaluation of a polynomial at a ball', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (c, s) => {
        const [m, r] = hornerBall(Float64Array.from(c), 0, 1, c.length - 1, s, 0);
        // Exact value at s: Σ c_k s^k with BigInt rationals over a common power of two.
        const S = exactBinary(s);
        let acc = 0n; // value · 2^(−e·(deg)) scaled: Horner in integers with s = S.m·2^S.e.
        let scale = 0; // acc represents acc·2^scale
        for (let k = c.length - 1; k >= 0; k--) {
          // acc·2^scale · s + c_k
          acc = acc * S.m;
          scale += S.e;
          const ck = exactBinary(c[k]);
          const shift = ck.e - scale;
          if (shift >= 0) acc += ck.m << BigInt(shift);
          else {
            acc = acc << BigInt(-shift);
            scale = ck.e;
            acc += ck.m;
          }
        }
        const toCommon = (x: bigint, e: number, target: number): bigint => (e >= target ? x << BigInt(e - target) : x >> BigInt(target - e));
        const target = Math.min(scale, -1200);
        const exact = toCommon(acc, scale, target);
        const M = exactBinary(m);
        const R = exactBinary(r);
        expect(abs(toCommon(M.m, M.e, target) - exact) <= toCommon(R.m, R.e, target)).toBe(true);
      }),
      fuzz(1000, SEED),
    );
  });

  it('norm bounds', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 20 }), fc.array(radius, { minLength: 20, maxLength: 20 }), (x, rad) => {
        let sq = 0n;
        for (const v of x) sq += product(v, v);
        fc.pre(x.every((v) => Math.abs(v) < 1e150));
        const up = pointNormUpper(x);
        const lo = pointNormLower(x);
        expect(product(up, up) >= sq).toBe(true);
        expect(product(lo, lo) <= sq).toBe(true);
        // Box norm: every vector of the box mid ± rad has norm ≤ normUpper.
        const r = Float64Array.from(x, (_, j) => rad[j]);
        const bound = normUpper(Float64Array.from(x), r, 0, x.length);
        let corner = 0n;
        x.forEach((v, j) => {
          const c = abs(scaled(v)) + scaled(r[j]);
          corner += c * c;
        });
        const b = scaled(bound);
        expect(b * b >= corner).toBe(true);
      }),
      fuzz(1000, SEED),
    );
  });
});
