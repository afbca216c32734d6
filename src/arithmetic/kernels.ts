import { DomainError } from './domain-error.js';
import { type Interval, add, mul, sub, sqrt } from './interval.js';
import { ETA, UNIT_ROUNDOFF, addDown, addUp, downCheap, mulDown, mulUp, upCheap } from './rounding.js';

/**
 * Certified typed-array kernels: the hot loops of the checks.
 *
 * Every kernel accumulates in plain round-to-nearest and then widens the
 * result by an a-priori bound of the rounding error, so the loop itself costs
 * about what the float loop costs.
 *
 * Error bound (Higham, "Accuracy and Stability of Numerical Algorithms",
 * §3.1 and Lemma 3.1 with the underflow term of §2.1): let the terms be
 * computed as p_i = fl(exact_i) (one rounding per product: exact_i = x_i·y_i,
 * or an end product of intervals, the min/max of rounded products being the
 * rounding of the min/max by monotonicity of rounding). Then
 *   p_i = exact_i(1 + δ_i) + e_i, |δ_i| ≤ u, |e_i| ≤ η/2 (η = 2^-1074).
 * Summation in blocks of B terms (the block sums then summed) involves each
 * term in at most d = (B − 1) + (⌈n/B⌉ − 1) roundings of additions; additions
 * never need an underflow term. So with s the computed sum,
 *   |s − Σ p_i| ≤ γ_d Σ|p_i|,   |Σ p_i − Σ exact_i| ≤ γ_1 Σ|p_i| + nη/2,
 * where γ_k = ku/(1 − ku). The magnitude sum S = fl(Σ m_i) is computed in the
 * same blocks from m_i = fl(|p_i|) or m_i = fl(|p_lo,i| + |p_hi,i|) ≥ |p_i|(1 − u),
 * so Σ|p_i| ≤ S / (1 − γ_{d+1}). Altogether
 *   |s − Σ exact_i| ≤ γ_{d+1}/(1 − γ_{d+1}) · S + nη/2 ≤ 1.03 (d+1) u S + nη/2
 * whenever (d + 1)u ≤ 0.01. The kernels use
 *   err = fl(fl(c · S) + 2nη),  c = fl(1.1 (d + 2) u),
 * which is at least the bound: the three roundings in computing err lose at
 * most a factor (1 − u)^3, far inside the margin 1.1 (d+2) / (1.03 (d+1)).
 * Finally [s − err, s + err] is rounded outward with the cheap successor
 * bounds of Rump et al. (rounding.ts).
 *
 * Overflow breaks the model: any non-finite s, S or end (also NaN from
 * 0 · ∞ or ∞ − ∞ with unbounded ends) sends the computation to a slow path
 * with exact directed rounding (interval.ts), which handles ±∞ and 0 · ∞ = 0.
 */

/** An interval vector (or a row-major interval matrix with explicit rows and cols). */
export interface IntervalVector {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

export function intervalVector(n: number): IntervalVector {
  return { lo: new Float64Array(n), hi: new Float64Array(n) };
}

/** Point vector as a (degenerate) interval vector. */
export function pointVector(x: Float64Array): IntervalVector {
  return { lo: x, hi: x };
}

export function getInterval(v: IntervalVector, i: number): Interval {
  return { lo: v.lo[i], hi: v.hi[i] };
}

const U = UNIT_ROUNDOFF;

/** Block length for a sum of n terms: about √n, minimising d. */
function blockLength(n: number): number {
  return n <= 64 ? 64 : Math.ceil(Math.sqrt(n));
}

/** Rounding depth d of a blocked sum of n terms with block length B. */
function depth(n: number, B: number): number {
  return Math.max(0, Math.min(B, n) - 1) + Math.max(0, Math.ceil(n / B) - 1);
}

/** The rigorous error bound err of the header comment. */
function errorBound(absSum: number, n: number, B: number): number {
  const d = depth(n, B);
  if ((d + 2) * U > 0.01) throw new RangeError('kernels: vector too long for the a-priori error bound');
  return 1.1 * (d + 2) * U * absSum + 2 * n * ETA;
}

/** [s − err, s + err] rounded outward, or null when the fast path is void (overflow, NaN). */
function widen(sLo: number, sHi: number, absSum: number, n: number, B: number): Interval | null {
  if (!(Number.isFinite(sLo) && Number.isFinite(sHi) && Number.isFinite(absSum))) return null;
  const err = errorBound(absSum, n, B);
  const lo = downCheap(sLo - err);
  const hi = upCheap(sHi + err);
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) return null;
  return { lo, hi };
}

// ---------------------------------------------------------------------------
// Slow exact-ended paths (directed rounding per operation). They are reached
// on any NaN too, which is refused here rather than propagated.

function refuseNaN(...arrays: ArrayLike<number>[]): void {
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== a[i]) throw new DomainError('kernel', true, 'NaN input');
    }
  }
}

function slowSumEnds(lo: ArrayLike<number>, hi: ArrayLike<number>, offset: number, n: number): Interval {
  refuseNaN(lo, hi);
  let l = 0;
  let h = 0;
  for (let i = 0; i < n; i++) {
    l = addDown(l, lo[offset + i]);
    h = addUp(h, hi[offset + i]);
  }
  return { lo: l, hi: h };
}

function slowDotPoint(x: Float64Array, xo: number, y: Float64Array, n: number): Interval {
  refuseNaN(x.subarray(xo, xo + n), y);
  let l = 0;
  let h = 0;
  for (let i = 0; i < n; i++) {
    l = addDown(l, mulDown(x[xo + i], y[i]));
    h = addUp(h, mulUp(x[xo + i], y[i]));
  }
  return { lo: l, hi: h };
}

function slowDotInterval(x: IntervalVector, xo: number, y: IntervalVector, n: number): Interval {
  refuseNaN(x.lo.subarray(xo, xo + n), x.hi.subarray(xo, xo + n), y.lo, y.hi);
  let acc: Interval = { lo: 0, hi: 0 };
  for (let i = 0; i < n; i++) {
    acc = add(acc, mul({ lo: x.lo[xo + i], hi: x.hi[xo + i] }, { lo: y.lo[i], hi: y.hi[i] }));
  }
  return acc;
}

// ---------------------------------------------------------------------------
// Sums.

export function sumPoint(x: Float64Array): Interval {
  const n = x.length;
  const B = blockLength(n);
  let s = 0;
  let S = 0;
  for (let b = 0; b < n; b += B) {
    const end = Math.min(n, b + B);
    let bs = 0;
    let bS = 0;
    for (let i = b; i < end; i++) {
      const t = x[i];
      bs += t;
      bS += Math.abs(t);
    }
    s += bs;
    S += bS;
  }
  // No products: the 2nη term is harmless slack.
  return widen(s, s, S, n, B) ?? slowSumEnds(x, x, 0, n);
}

export function sumInterval(x: IntervalVector): Interval {
  const n = x.lo.length;
  const B = blockLength(n);
  const { lo, hi } = x;
  let sl = 0;
  let sh = 0;
  let S = 0;
  for (let b = 0; b < n; b += B) {
    const end = Math.min(n, b + B);
    let bl = 0;
    let bh = 0;
    let bS = 0;
    for (let i = b; i < end; i++) {
      const l = lo[i];
      const h = hi[i];
      bl += l;
      bh += h;
      bS += Math.abs(l) + Math.abs(h);
    }
    sl += bl;
    sh += bh;
    S += bS;
  }
  return widen(sl, sh, S, n, B) ?? slowSumEnds(lo, hi, 0, n);
}

// ---------------------------------------------------------------------------
// Dot products (x may be a row of a matrix: offset xo, length n).

function dotPointAt(x: Float64Array, xo: number, y: Float64Array, n: number): Interval {
  const B = blockLength(n);
  let s = 0;
  let S = 0;
  for (let b = 0; b < n; b += B) {
    const end = Math.min(n, b + B);
    let bs = 0;
    let bS = 0;
    for (let i = b; i < end; i++) {
      const p = x[xo + i] * y[i];
      bs += p;
      bS += Math.abs(p);
    }
    s += bs;
    S += bS;
  }
  return widen(s, s, S, n, B) ?? slowDotPoint(x, xo, y, n);
}

/** Ends of [xl, xh]·y chosen by the sign of y (min/max of the two rounded products). */
function dotIntervalPointAt(x: IntervalVector, xo: number, y: Float64Array, n: number): Interval {
  const B = blockLength(n);
  const { lo, hi } = x;
  let sl = 0;
  let sh = 0;
  let S = 0;
  for (let b = 0; b < n; b += B) {
    const end = Math.min(n, b + B);
    let bl = 0;
    let bh = 0;
    let bS = 0;
    for (let i = b; i < end; i++) {
      const yi = y[i];
      const p = lo[xo + i] * yi;
      const q = hi[xo + i] * yi;
      const l = yi >= 0 ? p : q;
      const h = yi >= 0 ? q : p;
      bl += l;
      bh += h;
      bS += Math.abs(l) + Math.abs(h);
    }
    sl += bl;
    sh += bh;
    S += bS;
  }
  return widen(sl, sh, S, n, B) ?? slowDotInterval(x, xo, { lo: y, hi: y }, n);
}

function dotIntervalAt(x: IntervalVector, xo: number, y: IntervalVector, n: number): Interval {
  const B = blockLength(n);
  const { lo: xl, hi: xh } = x;
  const { lo: yl, hi: yh } = y;
  let sl = 0;
  let sh = 0;
  let S = 0;
  for (let b = 0; b < n; b += B) {
    const end = Math.min(n, b + B);
    let bl = 0;
    let bh = 0;
    let bS = 0;
    for (let i = b; i < end; i++) {
      const a = xl[xo + i];
      const c = xh[xo + i];
      const u = yl[i];
      const v = yh[i];
      const p1 = a * u;
      const p2 = a * v;
      const p3 = c * u;
      const p4 = c * v;
      const l = Math.min(p1, p2, p3, p4);
      const h = Math.max(p1, p2, p3, p4);
      bl += l;
      bh += h;
      bS += Math.abs(l) + Math.abs(h);
    }
    sl += bl;
    sh += bh;
    S += bS;
  }
  return widen(sl, sh, S, n, B) ?? slowDotInterval(x, xo, y, n);
}

function checkLength(a: number, b: number): void {
  if (a !== b) throw new RangeError(`kernels: lengths differ (${a} vs ${b})`);
}

/** Certified x·y of point vectors. */
export function dotPoint(x: Float64Array, y: Float64Array): Interval {
  checkLength(x.length, y.length);
  return dotPointAt(x, 0, y, x.length);
}

/** Certified X·y, X an interval vector. */
export function dotIntervalPoint(x: IntervalVector, y: Float64Array): Interval {
  checkLength(x.lo.length, y.length);
  return dotIntervalPointAt(x, 0, y, y.length);
}

/** Certified X·Y of interval vectors. */
export function dotInterval(x: IntervalVector, y: IntervalVector): Interval {
  checkLength(x.lo.length, y.lo.length);
  return dotIntervalAt(x, 0, y, y.lo.length);
}

// ---------------------------------------------------------------------------
// Matrix–vector products (row-major, rows × cols).

function checkShape(len: number, rows: number, cols: number, xLen: number): void {
  if (len !== rows * cols) throw new RangeError(`kernels: matrix has ${len} entries, not ${rows}×${cols}`);
  checkLength(cols, xLen);
}

/** Certified A·x for a point matrix A and point vector x. */
export function matVecPoint(a: Float64Array, rows: number, cols: number, x: Float64Array): IntervalVector {
  checkShape(a.length, rows, cols, x.length);
  const out = intervalVector(rows);
  for (let r = 0; r < rows; r++) {
    const v = dotPointAt(a, r * cols, x, cols);
    out.lo[r] = v.lo;
    out.hi[r] = v.hi;
  }
  return out;
}

/** Certified A·x for an interval matrix A and point vector x. */
export function matVecIntervalPoint(a: IntervalVector, rows: number, cols: number, x: Float64Array): IntervalVector {
  checkShape(a.lo.length, rows, cols, x.length);
  const out = intervalVector(rows);
  for (let r = 0; r < rows; r++) {
    const v = dotIntervalPointAt(a, r * cols, x, cols);
    out.lo[r] = v.lo;
    out.hi[r] = v.hi;
  }
  return out;
}

/** Certified A·X for an interval matrix A and interval vector X. */
export function matVecInterval(a: IntervalVector, rows: number, cols: number, x: IntervalVector): IntervalVector {
  checkShape(a.lo.length, rows, cols, x.lo.length);
  const out = intervalVector(rows);
  for (let r = 0; r < rows; r++) {
    const v = dotIntervalAt(a, r * cols, x, cols);
    out.lo[r] = v.lo;
    out.hi[r] = v.hi;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Norms (Frobenius norms are the same over the flat row-major array).

/** Certified Σ x_i² (all terms ≥ 0, so the sum is its own magnitude sum). */
export function normSquaredPoint(x: Float64Array): Interval {
  const n = x.length;
  const B = blockLength(n);
  let s = 0;
  for (let b = 0; b < n; b += B) {
    const end = Math.min(n, b + B);
    let bs = 0;
    for (let i = b; i < end; i++) bs += x[i] * x[i];
    s += bs;
  }
  const r = widen(s, s, s, n, B) ?? slowDotPoint(x, 0, x, n);
  return { lo: Math.max(0, r.lo), hi: r.hi };
}

/** Certified Σ X_i²: lower ends from the mignitudes, upper from the magnitudes. */
export function normSquaredInterval(x: IntervalVector): Interval {
  const n = x.lo.length;
  const B = blockLength(n);
  const { lo, hi } = x;
  let sl = 0;
  let sh = 0;
  for (let b = 0; b < n; b += B) {
    const end = Math.min(n, b + B);
    let bl = 0;
    let bh = 0;
    for (let i = b; i < end; i++) {
      const l = lo[i];
      const h = hi[i];
      const mig = Math.max(l, -h, 0);
      const mag = Math.max(-l, h);
      bl += mig * mig;
      bh += mag * mag;
    }
    sl += bl;
    sh += bh;
  }
  let r = widen(sl, sh, sh, n, B);
  if (r === null) {
    refuseNaN(lo, hi);
    let acc: Interval = { lo: 0, hi: 0 };
    for (let i = 0; i < n; i++) {
      const mig = Math.max(lo[i], -hi[i], 0);
      const mag = Math.max(-lo[i], hi[i]);
      acc = { lo: addDown(acc.lo, mulDown(mig, mig)), hi: addUp(acc.hi, mulUp(mag, mag)) };
    }
    r = acc;
  }
  return { lo: Math.max(0, r.lo), hi: r.hi };
}

export function normPoint(x: Float64Array): Interval {
  return sqrt(normSquaredPoint(x));
}

export function normInterval(x: IntervalVector): Interval {
  return sqrt(normSquaredInterval(x));
}

export const frobeniusSquaredPoint = normSquaredPoint;
export const frobeniusSquaredInterval = normSquaredInterval;
export const frobeniusPoint = normPoint;
export const frobeniusInterval = normInterval;

// ---------------------------------------------------------------------------
// Updates W − η·G with an interval step η (one gradient step over a box of steps).

/**
 * Certified W − η·G elementwise, W and G interval vectors (pass
 * pointVector(w) for points). Each element is one interval product and one
 * subtraction, each rounded outward with the cheap bounds; elements whose
 * fast ends are not finite are recomputed with exact directed rounding.
 */
export function subtractScaled(w: IntervalVector, eta: Interval, g: IntervalVector): IntervalVector {
  const n = w.lo.length;
  checkLength(n, g.lo.length);
  const out = intervalVector(n);
  const el = eta.lo;
  const eh = eta.hi;
  const { lo: wl, hi: wh } = w;
  const { lo: gl, hi: gh } = g;
  const ol = out.lo;
  const oh = out.hi;
  for (let i = 0; i < n; i++) {
    const a = gl[i];
    const c = gh[i];
    const p1 = el * a;
    const p2 = el * c;
    const p3 = eh * a;
    const p4 = eh * c;
    // η·G ⊆ [min − e, max + e] by the cheap successor bounds; then W minus it.
    const tl = downCheap(Math.min(p1, p2, p3, p4));
    const th = upCheap(Math.max(p1, p2, p3, p4));
    let l = downCheap(wl[i] - th);
    let h = upCheap(wh[i] - tl);
    if (!(Number.isFinite(l) && Number.isFinite(h))) {
      refuseNaN([wl[i], wh[i], a, c, el, eh]);
      const r = sub({ lo: wl[i], hi: wh[i] }, mul(eta, { lo: a, hi: c }));
      l = r.lo;
      h = r.hi;
    }
    ol[i] = l;
    oh[i] = h;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Arrays of scalar intervals (the Arith interface).

const FOLD_LIMIT = 16;

function toVector(xs: readonly Interval[]): IntervalVector {
  const v = intervalVector(xs.length);
  for (let i = 0; i < xs.length; i++) {
    v.lo[i] = xs[i].lo;
    v.hi[i] = xs[i].hi;
  }
  return v;
}

export function intervalSum(xs: readonly Interval[]): Interval {
  if (xs.length < FOLD_LIMIT) return xs.reduce(add, { lo: 0, hi: 0 });
  return sumInterval(toVector(xs));
}

export function intervalDot(xs: readonly Interval[], ys: readonly Interval[]): Interval {
  checkLength(xs.length, ys.length);
  if (xs.length < FOLD_LIMIT) {
    let acc: Interval = { lo: 0, hi: 0 };
    for (let i = 0; i < xs.length; i++) acc = add(acc, mul(xs[i], ys[i]));
    return acc;
  }
  return dotInterval(toVector(xs), toVector(ys));
}
