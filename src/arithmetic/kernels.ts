import { blockLength, compileBlockedSum, depth } from './blocked-sum.js';
import { DomainError } from './domain-error.js';
import { type Interval, add, mul, sub, sqrt } from './interval.js';
import { ETA, MAX, PHI, UNIT_ROUNDOFF, addDown, addUp, downCheap, mulDown, mulUp, upCheap } from './rounding.js';

/**
 * Certified typed-array kernels: the hot loops of the checks.
 *
 * Every kernel accumulates in plain round-to-nearest and then widens the
 * result by an a-priori bound of the rounding error, so the loop itself costs
 * about what the float loop costs. The loops are one blocked summation,
 * compiled per kind of term (blocked-sum.ts); a kernel declares its term.
 *
 * Error bound (Higham, "Accuracy and Stability of Numerical Algorithms",
 * §3.1 and Lemma 3.1 with the underflow term of §2.1): let the terms be
 * computed as p_i = fl(exact_i) (one rounding per product: exact_i = x_i·y_i,
 * or the end product of an interval and a point picked by sign parts; terms
 * that are sums of several products are treated where they occur). Then
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
 * which is at least the bound: the four roundings in computing err lose at
 * most a factor (1 − u)^4, far inside the margin 1.1 (d+2) / (1.03 (d+1)).
 * Finally [s − err, s + err] is rounded outward with the cheap successor
 * bounds of Rump et al. (rounding.ts).
 *
 * Overflow breaks the model: any non-finite s, S or end (also NaN from
 * 0 · ∞ or ∞ − ∞ with unbounded ends) sends the computation to a slow path
 * with exact directed rounding (interval.ts), which handles ±∞ and 0 · ∞ = 0.
 *
 * Infinite entries follow interval.ts's `point`: an infinite point entry (or
 * an interval end +∞ as a lower end, −∞ as an upper end, as pointVector
 * gives) is a real beyond the double range, [MAX, ∞] or [−∞, −MAX] — what an
 * overflowed float iterate denotes — never an exact infinity.
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

/**
 * The rigorous error bound err of the header comment. `extraDepth` adds
 * roundings per term (terms that are sums of products, or computed ends),
 * `productsPerTerm` scales the underflow term.
 */
function errorBound(absSum: number, n: number, B: number, extraDepth = 0, productsPerTerm = 1): number {
  const [c, t] = boundCoefficients(n, B, extraDepth, productsPerTerm);
  return c * absSum + t;
}

/** err = c·S + t: the coefficients of errorBound, computed once for many sums of one length (matrix products). */
function boundCoefficients(n: number, B: number, extraDepth = 0, productsPerTerm = 1): [number, number] {
  const d = depth(n, B) + extraDepth;
  if ((d + 2) * U > 0.01) throw new RangeError('kernels: vector too long for the a-priori error bound');
  return [1.1 * (d + 2) * U, 2 * productsPerTerm * n * ETA];
}

/** The sums of the loop just run (`sums`), widened by c·S + t and rounded outward into out[i]; false when the fast path is void. */
function storeWidened(out: IntervalVector, i: number, c: number, t: number): boolean {
  const sl = sums[0];
  const sh = sums[1];
  const S = sums[2];
  if (!(Number.isFinite(sl) && Number.isFinite(sh) && Number.isFinite(S))) return false;
  const err = c * S + t;
  const lo = downCheap(sl - err);
  const hi = upCheap(sh + err);
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) return false;
  out.lo[i] = lo;
  out.hi[i] = hi;
  return true;
}

/** [s − err, s + err] rounded outward, or null when the fast path is void (overflow, NaN). */
function widen(sLo: number, sHi: number, absSum: number, n: number, B: number, extraDepth = 0, productsPerTerm = 1): Interval | null {
  if (!(Number.isFinite(sLo) && Number.isFinite(sHi) && Number.isFinite(absSum))) return null;
  const err = errorBound(absSum, n, B, extraDepth, productsPerTerm);
  const lo = downCheap(sLo - err);
  const hi = upCheap(sHi + err);
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) return null;
  return { lo, hi };
}

// ---------------------------------------------------------------------------
// Slow exact-ended paths (directed rounding per operation). They are reached
// on any NaN too, which is refused here rather than propagated.

/** The lower end of an entry: +∞ (an overflowed point) is a real above MAX. */
function lowerEnd(x: number): number {
  return x === Infinity ? MAX : x;
}

/** The upper end of an entry: −∞ (an overflowed point) is a real below −MAX. */
function upperEnd(x: number): number {
  return x === -Infinity ? -MAX : x;
}

/** Entry [lo, hi] as an Interval, infinite ends read as lowerEnd/upperEnd do. */
function entryAt(lo: ArrayLike<number>, hi: ArrayLike<number>, i: number): Interval {
  return { lo: lowerEnd(lo[i]), hi: upperEnd(hi[i]) };
}

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
    l = addDown(l, lowerEnd(lo[offset + i]));
    h = addUp(h, upperEnd(hi[offset + i]));
  }
  return { lo: l, hi: h };
}

function slowDotPoint(x: Float64Array, xo: number, y: Float64Array, n: number): Interval {
  refuseNaN(x.subarray(xo, xo + n), y);
  let acc: Interval = { lo: 0, hi: 0 };
  for (let i = 0; i < n; i++) acc = add(acc, mul(entryAt(x, x, xo + i), entryAt(y, y, i)));
  return acc;
}

function slowDotInterval(x: IntervalVector, xo: number, y: IntervalVector, n: number): Interval {
  refuseNaN(x.lo.subarray(xo, xo + n), x.hi.subarray(xo, xo + n), y.lo, y.hi);
  let acc: Interval = { lo: 0, hi: 0 };
  for (let i = 0; i < n; i++) {
    acc = add(acc, mul(entryAt(x.lo, x.hi, xo + i), entryAt(y.lo, y.hi, i)));
  }
  return acc;
}

// ---------------------------------------------------------------------------
// The kernels' loops, compiled from their terms (blocked-sum.ts). Each writes
// its sums into `sums` (read at once: no kernel runs inside another).

const sums = new Float64Array(3);

/** Point terms x_i. */
const sumPointLoop = compileBlockedSum({ params: ['x'], point: true, term: 'const l = x[i]; const mag = Math.abs(l);' });
/** Interval terms [lo_i, hi_i]. */
const sumIntervalLoop = compileBlockedSum({ params: ['lo', 'hi'], term: 'const l = lo[i]; const h = hi[i]; const mag = Math.abs(l) + Math.abs(h);' });
/** Products x_{xo+i}·y_i of points (one rounding each). */
const dotPointLoop = compileBlockedSum({ params: ['x', 'xo', 'y'], point: true, term: 'const l = x[xo + i] * y[i]; const mag = Math.abs(l);' });

/*
 * Sign parts without branches (random signs make branches and Math.min/max
 * mispredict, several times the cost of the arithmetic):
 * t⁺ = (t + |t|)/2 and t⁻ = t − t⁺ are exact (t + |t| is 2t or 0), except
 * that t > MAX/2 overflows and ±∞ gives NaN — both caught by the final
 * finiteness check, which then takes the slow path.
 *
 * Ends of [xl, xh]·y: the lower is xl·y⁺ + xh·y⁻, one of the two products
 * being ±0, so the end is the rounded product of the right pair (one
 * rounding, as in the header).
 */
const dotIntervalPointLoop = compileBlockedSum({
  params: ['lo', 'hi', 'xo', 'y'],
  term: `const yi = y[i];
    const yp = 0.5 * (yi + Math.abs(yi));
    const ym = yi - yp;
    const l = lo[xo + i] * yp + hi[xo + i] * ym;
    const h = hi[xo + i] * yp + lo[xo + i] * ym;
    const mag = Math.abs(l) + Math.abs(h);`,
});
/** The same terms with the sign parts of y given (a vector shared by all rows of a matrix product is split once). */
const dotIntervalPartsLoop = compileBlockedSum({
  params: ['lo', 'hi', 'xo', 'yp', 'ym'],
  term: `const xl = lo[xo + i];
    const xh = hi[xo + i];
    const l = xl * yp[i] + xh * ym[i];
    const h = xh * yp[i] + xl * ym[i];
    const mag = Math.abs(l) + Math.abs(h);`,
});

/*
 * X·Y per term by sign parts, X = [a, b], Y = [c, d]: with X ⊆ X⁺ + X⁻ and
 * Y ⊆ Y⁺ + Y⁻ (parts of the ends, see above),
 *   lower = a⁺c⁺ + a⁻d⁺ + b⁺c⁻ + b⁻d⁻,  upper = b⁺d⁺ + b⁻c⁺ + a⁺d⁻ + a⁻c⁻.
 * This is the exact range unless both X and Y straddle 0 (then at most twice
 * as wide). Error: four rounded products per end, each in 2 more additions,
 * so depth d + 3 and 4n underflow terms; the magnitude of the four products
 * of either end is at most (|a| + |b|)(|c| + |d|), computed with three
 * roundings: m_i ≥ Σ|p|(1 − u)^3 − η/2. With Σ|fl p| ≤ (1 + u)Σ|p| + 2nη the
 * header's argument gives |s − Σ exact| ≤ 1.03 (d + 3) u S + 4nη, inside
 * errorBound(extraDepth = 2, productsPerTerm = 4).
 */
const INTERVAL_PRODUCT_TERMS = `const ap = 0.5 * (a + Math.abs(a));
    const am = a - ap;
    const bp = 0.5 * (bb + Math.abs(bb));
    const bm = bb - bp;
    const l = ap * cp + am * dp + (bp * cm + bm * dm);
    const h = bp * dp + bm * cp + (ap * dm + am * cm);`;
const dotIntervalLoop = compileBlockedSum({
  params: ['xl', 'xh', 'xo', 'yl', 'yh'],
  term: `const a = xl[xo + i];
    const bb = xh[xo + i];
    const c = yl[i];
    const d = yh[i];
    const cp = 0.5 * (c + Math.abs(c));
    const cm = c - cp;
    const dp = 0.5 * (d + Math.abs(d));
    const dm = d - dp;
    ${INTERVAL_PRODUCT_TERMS}
    const mag = (Math.abs(a) + Math.abs(bb)) * (Math.abs(c) + Math.abs(d));`,
});
/** The same terms with the sign parts and magnitudes |c| + |d| of Y given. */
const dotIntervalPartsIntervalLoop = compileBlockedSum({
  params: ['xl', 'xh', 'xo', 'ycp', 'ycm', 'ydp', 'ydm', 'ymag'],
  term: `const a = xl[xo + i];
    const bb = xh[xo + i];
    const cp = ycp[i];
    const cm = ycm[i];
    const dp = ydp[i];
    const dm = ydm[i];
    ${INTERVAL_PRODUCT_TERMS}
    const mag = (Math.abs(a) + Math.abs(bb)) * ymag[i];`,
});

/** Squares x_i² (non-negative: the sum is its own magnitude sum). */
const normSquaredPointLoop = compileBlockedSum({ params: ['x'], point: true, selfMagnitude: true, term: 'const l = x[i] * x[i];' });
/*
 * Ends of X_i²: lower mig², upper mag², without branches. mig = l⁺ − h⁻ is
 * exact (one part is 0); mag = (|l| + |h| + ||l| − |h||)/2 is computed with
 * relative error θ_2 (a sum of two nonnegative rounded terms, then one
 * rounding; the halving is exact above the subnormals and swallowed by the η
 * term), so mag² carries θ_5 and the upper sum depth d + 5:
 * errorBound(extraDepth = 6). Both sums have nonnegative terms, so each is
 * its own magnitude sum.
 */
const normSquaredIntervalLoop = compileBlockedSum({
  params: ['lo', 'hi'],
  selfMagnitude: true,
  term: `const xl = lo[i];
    const xh = hi[i];
    const al = Math.abs(xl);
    const ah = Math.abs(xh);
    const mig = 0.5 * (xl + al) - 0.5 * (xh - ah);
    const mg = 0.5 * (al + ah + Math.abs(al - ah));
    const l = mig * mig;
    const h = mg * mg;`,
});

/** [lower sum, upper sum] of a loop just run, widened by the a-priori bound; null when the fast path is void. */
function widened(n: number, extraDepth = 0, productsPerTerm = 1): Interval | null {
  return widen(sums[0], sums[1], sums[2], n, blockLength(n), extraDepth, productsPerTerm);
}

// ---------------------------------------------------------------------------
// Sums.

export function sumPoint(x: Float64Array): Interval {
  const n = x.length;
  sumPointLoop(x, n, sums);
  // All terms zero: the sum is exactly 0 (the underflow slack is for products, not sums).
  if (sums[2] === 0) return { lo: 0, hi: 0 };
  // No products: the 2nη term is harmless slack.
  return widened(n) ?? slowSumEnds(x, x, 0, n);
}

export function sumInterval(x: IntervalVector): Interval {
  const n = x.lo.length;
  sumIntervalLoop(x.lo, x.hi, n, sums);
  // All ends zero: the sum is exactly 0.
  if (sums[2] === 0) return { lo: 0, hi: 0 };
  return widened(n) ?? slowSumEnds(x.lo, x.hi, 0, n);
}

// ---------------------------------------------------------------------------
// Dot products (x may be a row of a matrix: offset xo, length n).

function dotPointAt(x: Float64Array, xo: number, y: Float64Array, n: number): Interval {
  dotPointLoop(x, xo, y, n, sums);
  return widened(n) ?? slowDotPoint(x, xo, y, n);
}

function dotIntervalPointAt(x: IntervalVector, xo: number, y: Float64Array, n: number): Interval {
  dotIntervalPointLoop(x.lo, x.hi, xo, y, n, sums);
  return widened(n) ?? slowDotInterval(x, xo, { lo: y, hi: y }, n);
}

/** y⁺ and y⁻ of every entry. */
function signParts(y: Float64Array): { plus: Float64Array; minus: Float64Array } {
  const plus = new Float64Array(y.length);
  const minus = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const t = y[i];
    const p = 0.5 * (t + Math.abs(t));
    plus[i] = p;
    minus[i] = t - p;
  }
  return { plus, minus };
}

function dotIntervalAt(x: IntervalVector, xo: number, y: IntervalVector, n: number): Interval {
  dotIntervalLoop(x.lo, x.hi, xo, y.lo, y.hi, n, sums);
  return widened(n, 2, 4) ?? slowDotInterval(x, xo, y, n);
}

interface IntervalParts {
  readonly cp: Float64Array;
  readonly cm: Float64Array;
  readonly dp: Float64Array;
  readonly dm: Float64Array;
  readonly magnitude: Float64Array;
}

function dotIntervalPartsIntervalAt(x: IntervalVector, xo: number, y: IntervalVector, parts: IntervalParts, n: number): Interval {
  dotIntervalPartsIntervalLoop(x.lo, x.hi, xo, parts.cp, parts.cm, parts.dp, parts.dm, parts.magnitude, n, sums);
  return widened(n, 2, 4) ?? slowDotInterval(x, xo, y, n);
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

/** Certified A·x for a point matrix A and point vector x, into out[offset …] (a fresh vector by default). */
export function matVecPoint(a: Float64Array, rows: number, cols: number, x: Float64Array, out: IntervalVector = intervalVector(rows), offset = 0): IntervalVector {
  checkShape(a.length, rows, cols, x.length);
  const [c, t] = boundCoefficients(cols, blockLength(cols));
  for (let r = 0; r < rows; r++) {
    dotPointLoop(a, r * cols, x, cols, sums);
    if (storeWidened(out, offset + r, c, t)) continue;
    const v = slowDotPoint(a, r * cols, x, cols);
    out.lo[offset + r] = v.lo;
    out.hi[offset + r] = v.hi;
  }
  return out;
}

/** x split into sign parts x⁺ and x⁻, for matrix products that reuse one vector. */
export function pointParts(x: Float64Array): PointParts {
  return { x, ...signParts(x) };
}

export interface PointParts {
  readonly x: Float64Array;
  readonly plus: Float64Array;
  readonly minus: Float64Array;
}

/**
 * Certified A·x for an interval matrix A and point vector x (or its sign parts,
 * pointParts(x), when the same x multiplies several matrices), into out[offset …].
 */
export function matVecIntervalPoint(a: IntervalVector, rows: number, cols: number, x: Float64Array | PointParts, out: IntervalVector = intervalVector(rows), offset = 0): IntervalVector {
  const parts = x instanceof Float64Array ? pointParts(x) : x;
  checkShape(a.lo.length, rows, cols, parts.x.length);
  const { plus, minus } = parts;
  const [c, t] = boundCoefficients(cols, blockLength(cols));
  for (let r = 0; r < rows; r++) {
    dotIntervalPartsLoop(a.lo, a.hi, r * cols, plus, minus, cols, sums);
    if (storeWidened(out, offset + r, c, t)) continue;
    const v = slowDotInterval(a, r * cols, { lo: parts.x, hi: parts.x }, cols);
    out.lo[offset + r] = v.lo;
    out.hi[offset + r] = v.hi;
  }
  return out;
}

/** Certified A·X for an interval matrix A and interval vector X. */
export function matVecInterval(a: IntervalVector, rows: number, cols: number, x: IntervalVector): IntervalVector {
  checkShape(a.lo.length, rows, cols, x.lo.length);
  const out = intervalVector(rows);
  const c = signParts(x.lo);
  const d = signParts(x.hi);
  const magnitude = new Float64Array(cols);
  for (let i = 0; i < cols; i++) magnitude[i] = Math.abs(x.lo[i]) + Math.abs(x.hi[i]);
  const parts: IntervalParts = { cp: c.plus, cm: c.minus, dp: d.plus, dm: d.minus, magnitude };
  for (let r = 0; r < rows; r++) {
    const v = dotIntervalPartsIntervalAt(a, r * cols, x, parts, cols);
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
  normSquaredPointLoop(x, n, sums);
  const r = widened(n) ?? slowDotPoint(x, 0, x, n);
  return { lo: Math.max(0, r.lo), hi: r.hi };
}

/** Certified Σ X_i²: lower end Σ mig², upper end Σ mag² (see normSquaredIntervalLoop for the bound). */
export function normSquaredInterval(x: IntervalVector): Interval {
  const n = x.lo.length;
  const { lo, hi } = x;
  normSquaredIntervalLoop(lo, hi, n, sums);
  const sl = sums[0];
  const sh = sums[1];
  const B = blockLength(n);
  let r: Interval | null = null;
  if (Number.isFinite(sl) && Number.isFinite(sh)) {
    const lower = widen(sl, sl, sl, n, B);
    const upper = widen(sh, sh, sh, n, B, 6);
    if (lower && upper) r = { lo: lower.lo, hi: upper.hi };
  }
  if (r === null) {
    refuseNaN(lo, hi);
    let acc: Interval = { lo: 0, hi: 0 };
    for (let i = 0; i < n; i++) {
      const { lo: l, hi: h } = entryAt(lo, hi, i);
      const mig = Math.max(l, -h, 0);
      const mag = Math.max(-l, h);
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
 * pointVector(w) for points), optionally into `out`. Per element, the ends of
 * η·G by sign parts as in dotIntervalAt (four rounded products, two levels of
 * additions: error ≤ γ_3 Σ|p| + 3η ≤ 1.1·4u·M + ETA_NORMAL with
 * M = fl(fl(|η̲| + |η̄|) · fl(|g̲| + |ḡ|)) ≥ Σ|p|(1 − u)^3), then the
 * subtraction, each step rounded outward with the cheap successor bounds.
 * Elements whose fast ends are not finite are recomputed with exact directed
 * rounding.
 */
/**
 * A normal stand-in for η in loops: subnormal operands cost a microcode
 * assist per operation on x86 (measured: 10× slower loops). A larger η keeps
 * every bound sound (fl(c + e) is monotone in e) and loosens it only for
 * results below 2^-947.
 */
const ETA_NORMAL = 2 ** -1000;

export function subtractScaled(w: IntervalVector, eta: Interval, g: IntervalVector, out: IntervalVector = intervalVector(w.lo.length)): IntervalVector {
  const n = w.lo.length;
  checkLength(n, g.lo.length);
  checkLength(n, out.lo.length);
  const e0 = eta.lo;
  const e1 = eta.hi;
  const e0p = 0.5 * (e0 + Math.abs(e0));
  const e0m = e0 - e0p;
  const e1p = 0.5 * (e1 + Math.abs(e1));
  const e1m = e1 - e1p;
  const E = Math.abs(e0) + Math.abs(e1);
  const C = 4.4 * U;
  const { lo: wl, hi: wh } = w;
  const { lo: gl, hi: gh } = g;
  const ol = out.lo;
  const oh = out.hi;
  for (let i = 0; i < n; i++) {
    const c = gl[i];
    const d = gh[i];
    const cp = 0.5 * (c + Math.abs(c));
    const cm = c - cp;
    const dp = 0.5 * (d + Math.abs(d));
    const dm = d - dp;
    const tl = e0p * cp + e0m * dp + (e1p * cm + e1m * dm);
    const th = e1p * dp + e1m * cp + (e0p * dm + e0m * cm);
    const err = C * (E * (Math.abs(c) + Math.abs(d))) + ETA_NORMAL;
    const thUp = th + err;
    const tlDown = tl - err;
    const tu = thUp + (PHI * Math.abs(thUp) + ETA_NORMAL);
    const td = tlDown - (PHI * Math.abs(tlDown) + ETA_NORMAL);
    const lNear = wl[i] - tu;
    const hNear = wh[i] - td;
    let l = lNear - (PHI * Math.abs(lNear) + ETA_NORMAL);
    let h = hNear + (PHI * Math.abs(hNear) + ETA_NORMAL);
    // x − x is 0 for finite x and NaN for ±∞ and NaN: a finiteness test. The
    // element is repaired before it is stored, so `out` may be `w` or `g`
    // (the inputs of element i are read before element i is written).
    if (l - l + (h - h) !== 0) {
      const r = subtractScaledExact(wl[i], wh[i], eta, gl[i], gh[i]);
      l = r.lo;
      h = r.hi;
    }
    ol[i] = l;
    oh[i] = h;
  }
  return out;
}

/** One element of W − η·G with exact directed rounding (the fast ends were not finite). */
function subtractScaledExact(wLo: number, wHi: number, eta: Interval, gLo: number, gHi: number): Interval {
  refuseNaN([wLo, wHi, gLo, gHi, eta.lo, eta.hi]);
  const wi = { lo: lowerEnd(wLo), hi: upperEnd(wHi) };
  const gi = { lo: lowerEnd(gLo), hi: upperEnd(gHi) };
  return sub(wi, mul({ lo: lowerEnd(eta.lo), hi: upperEnd(eta.hi) }, gi));
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

/** Entrywise sums of equally long arrays, entry j exactly intervalSum of the j-th entries, through one reused column. */
export function intervalSumEach(terms: readonly (readonly Interval[])[]): Interval[] {
  const size = terms.length ? terms[0].length : 0;
  for (const t of terms) checkLength(t.length, size);
  const out = new Array<Interval>(size);
  if (terms.length < FOLD_LIMIT) {
    for (let j = 0; j < size; j++) {
      let acc: Interval = { lo: 0, hi: 0 };
      for (const t of terms) acc = add(acc, t[j]);
      out[j] = acc;
    }
    return out;
  }
  const column = intervalVector(terms.length);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < terms.length; i++) {
      column.lo[i] = terms[i][j].lo;
      column.hi[i] = terms[i][j].hi;
    }
    out[j] = sumInterval(column);
  }
  return out;
}

const straddles = (a: Interval) => a.lo < 0 && a.hi > 0;

/** The kernel for long arrays, unless some term has both factors straddling 0 (where its sign-part ends are wider than the fold's). */
export function intervalDot(xs: readonly Interval[], ys: readonly Interval[]): Interval {
  checkLength(xs.length, ys.length);
  if (xs.length < FOLD_LIMIT || xs.some((x, i) => straddles(x) && straddles(ys[i]))) {
    let acc: Interval = { lo: 0, hi: 0 };
    for (let i = 0; i < xs.length; i++) acc = add(acc, mul(xs[i], ys[i]));
    return acc;
  }
  return dotInterval(toVector(xs), toVector(ys));
}
