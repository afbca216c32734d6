import type { Interval } from '../arithmetic/interval.js';
import { ETA as ETA_IMPORTED, UNDERFLOW_UNIT as UNDERFLOW_IMPORTED, UNIT_ROUNDOFF, addUp, subDown, subUp, upCheap as upCheapImported } from '../arithmetic/rounding.js';

/**
 * Midpoint–radius ("ball") arithmetic for the hot loops of the validated
 * flow: a ball (m, r) with r ≥ 0 denotes the real interval [m − r, m + r].
 * Thin balls (radii of rounding size) are what the Taylor recurrences carry,
 * and midpoint–radius costs about two float operations per operation.
 *
 * Rounding model (Higham, "Accuracy and Stability of Numerical Algorithms",
 * §2.1, §3.1): a product of doubles rounds to ab(1 + δ) + e with |δ| ≤ u,
 * |e| ≤ η/2 (η = 2^-1074); an addition rounds to (a + b)(1 + δ) without an
 * underflow term. For a sum of k products computed in round-to-nearest in any
 * recursive order, with s the computed sum and A the computed sum of the
 * magnitudes of the computed products,
 *   |s − Σ a_i b_i| ≤ γ_k Σ|a_i b_i| + kη,   Σ|a_i b_i| ≤ (A + kη)/(1 − γ_k),
 * with γ_k = ku/(1 − ku). A radius part B, a computed sum of k non-negative
 * terms each formed with at most four roundings (products and sums of
 * non-negative doubles), satisfies B_exact ≤ (B + 2kη)/(1 − γ_{k+3}).
 * `roundoffRadius(A, B, k)` returns a double ≥ γ_k Σ|a_i b_i| + kη + B_exact
 * when ku ≤ 0.01 (see there).
 */

// Module-local copies: imported bindings may be accessed through getters in hot loops.
const U = UNIT_ROUNDOFF;
const ETA = ETA_IMPORTED;
const UNDERFLOW = UNDERFLOW_IMPORTED;
const upCheap = upCheapImported;

/**
 * Upper bound of the radius of a sum of k ball products (see header).
 * Computed as upCheap(fl(fl(c1·A) + fl(c2·B)) + k·2^−1021) with c1 = 1.1ku and
 * c2 = 1 + (2k + 10)u: the needed bound is at most
 * 1.03ku·A + (1 + (k + 4)u)·B + 6kη, and the two roundings before the final
 * addition lose a factor (1 − u)² and 2η at most, far inside the margins;
 * upCheap (Rump, Zimmermann, Boldo, Melquiond 2009) covers the last rounding.
 */
export function roundoffRadius(A: number, B: number, k: number): number {
  return upCheap(1.1 * k * U * A + (1 + (2 * k + 10) * U) * B + k * UNDERFLOW);
}

/** A ball enclosing [lo, hi] (lo ≤ hi finite): midpoint and an upper bound of the half-width. */
export function ballFromBounds(lo: number, hi: number): [number, number] {
  let m = 0.5 * lo + 0.5 * hi;
  if (m < lo) m = lo;
  if (m > hi) m = hi;
  return [m, Math.max(subUp(hi, m), subUp(m, lo))];
}

export function intervalOfBall(m: number, r: number): Interval {
  return { lo: subDown(m, r), hi: addUp(m, r) };
}

/** Upper bound of |x| over the ball. */
export function magnitudeUp(m: number, r: number): number {
  return upCheap(Math.abs(m) + r);
}

/**
 * Power of two bringing magnitudes up to `largest` into a range where squares
 * neither overflow nor underflow (1 when no scaling is needed).
 */
function normScale(largest: number): number {
  // Scaled magnitudes lie in [2^-474, 2^424]: squares and their sums stay finite and normal.
  if (largest > 2 ** 400) return 2 ** -600;
  if (largest < 2 ** -400 && largest > 0) return 2 ** 600;
  return 1;
}

/** Upper bound of √(Σ q_j²) for upper bounds q_j ≥ 0 (scaled by a power of two against over/underflow). */
function sqrtSumOfSquaresUp(q: ArrayLike<number>, offset: number, len: number, magnitude: (j: number) => number): number {
  let largest = 0;
  for (let j = offset; j < offset + len; j++) largest = Math.max(largest, magnitude(j));
  if (!(largest < Infinity)) return Infinity;
  const scale = normScale(largest);
  let s = 0;
  for (let j = offset; j < offset + len; j++) {
    // upCheap(m·scale): the product by a power of two is exact unless it underflows.
    const x = upCheap(magnitude(j) * scale);
    s += x * x;
  }
  // Σ x² with at most len + 1 roundings per term, covered by 1 + (2len + 4)u; len·2^−1021 ≥ 2lenη covers underflow.
  const root = upCheap(Math.sqrt(upCheap(s * (1 + (2 * len + 4) * U) + len * UNDERFLOW)));
  return scale === 1 ? root : upCheap(root / scale);
}

/**
 * Upper bound of the ℓ2 norm of any vector in the box mid ± rad (entries
 * [offset, offset + len)).
 */
export function normUpper(mid: Float64Array, rad: Float64Array, offset: number, len: number): number {
  return sqrtSumOfSquaresUp(mid, offset, len, (j) => upCheap(Math.abs(mid[j]) + rad[j]));
}

/** Upper bound of the ℓ2 norm of a point vector. */
export function pointNormUpper(x: ArrayLike<number>): number {
  return sqrtSumOfSquaresUp(x, 0, x.length, (j) => Math.abs(x[j]));
}

/**
 * Lower bound of the ℓ2 norm of a point vector (0 allowed), scaled by a power
 * of two as the upper bound is. An infinite entry is a real beyond MAX_VALUE
 * (an overflowed iterate), so the norm is at least MAX_VALUE; NaN gives 0.
 */
export function pointNormLower(x: ArrayLike<number>): number {
  let largest = 0;
  for (let j = 0; j < x.length; j++) largest = Math.max(largest, Math.abs(x[j]));
  if (largest !== largest) return 0;
  if (largest === Infinity) return Number.MAX_VALUE;
  const scale = normScale(largest);
  let s = 0;
  for (let j = 0; j < x.length; j++) {
    // |x_j|·scale is exact unless it underflows (error ≤ η/2): one η below it is a lower bound.
    const t = scale === 1 ? x[j] : Math.max(0, Math.abs(x[j]) * scale - ETA);
    s += t * t;
  }
  const len = x.length;
  // Σ t_j² ≥ fl(Σ)(1 − γ_len) − 2lenη (len·2^−1021 is more); the square root is correctly rounded.
  const lower = s * (1 - (2 * len + 4) * U) - len * UNDERFLOW;
  if (!(lower > 0)) return 0;
  const r = Math.sqrt(lower);
  const root = Math.max(0, r - (2 * U * r + ETA));
  // Dividing by a power of two is exact unless it underflows (one η covers the rounding) or
  // overflows (the norm then exceeds MAX_VALUE).
  return scale === 1 ? root : Math.min(Number.MAX_VALUE, Math.max(0, root / scale - ETA));
}

/**
 * Ball value of a polynomial Σ_k c_k s^k (exact double coefficients
 * c[offset + k·stride], k = 0..degree) at a ball s = (sm, sr), by Horner.
 * Each Horner step is a sum of two products (acc·s and c·1). On overflow the
 * radius is +∞ (the midpoint then 0), never NaN.
 */
export function hornerBall(
  c: Float64Array,
  offset: number,
  stride: number,
  degree: number,
  sm: number,
  sr: number,
): [number, number] {
  let am = c[offset + degree * stride];
  let ar = 0;
  const sAbs = Math.abs(sm);
  for (let k = degree - 1; k >= 0; k--) {
    const ck = c[offset + k * stride];
    const prod = am * sm;
    const m = prod + ck;
    const A = Math.abs(prod) + Math.abs(ck);
    const B = Math.abs(am) * sr + ar * (sAbs + sr);
    ar = roundoffRadius(A, B, 2);
    am = m;
  }
  // Overflow (∞ midpoint, ∞ − ∞ or 0 · ∞ = NaN): the only sound ball left is the whole line.
  if (!(Number.isFinite(am) && ar >= 0)) return [0, Infinity];
  return [am, ar];
}
