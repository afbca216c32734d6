import { type Interval, div, interval, min } from '../arithmetic/interval.js';
import { subDown } from '../arithmetic/rounding.js';
import { dotPoint, normInterval, normPoint, sumPoint } from '../arithmetic/kernels.js';
import { addUp, divUp, mulDown, mulUp, sqrtUp, subUp } from '../arithmetic/rounding.js';
import { type Dataset, decimalOffset, dimension, exactSignedEntries, hasDecimals, sampleCount, signedPoints } from '../models/dataset.js';
import { integerMatrix } from '../models/exact-entry.js';
import { type Rational, rationalToString, zeroInConvexHull, zeroInConvexHullOf } from './exact-convex-combination.js';
import { exactMinNormFace, exactMinNormFaceOf, sqrtRatioBounds } from './exact-min-norm-face.js';
import { decideZeroInHull, marginOfDirection } from './exact-separability-lp.js';
import { minNormPoint } from './min-norm-point.js';

/** Largest n·d for the exact (BigInt) face certificate; beyond it only the interval bounds are used. */
const EXACT_FACE_LIMIT = 200_000;
/** Largest n·d for the exact simplex fallback. */
const EXACT_LP_LIMIT = 5_000;

/**
 * Certified maximum margin γ̄ = max_{‖w‖=1} min_i ⟨w, z_i⟩ (z_i = y_i x_i)
 * and the max-margin direction ū.
 *
 * - Lower bound (primal): for any w ≠ 0, γ̄ ≥ min_i ⟨z_i, w⟩ / ‖w‖, evaluated
 *   in interval arithmetic at the float candidate w.
 * - Upper bound (dual): for any α ≥ 0 with Σα > 0 and any unit w,
 *   min_i ⟨w, z_i⟩ ≤ Σ α_i ⟨w, z_i⟩ / Σα ≤ ‖Σ α_i z_i‖ / Σα; evaluated in
 *   interval arithmetic at the float candidate α.
 * - Direction: with v_min the minimum-norm point of C = conv{z_i} (so ū = v_min/‖v_min‖,
 *   γ̄ = ‖v_min‖ when separable) and c = Σα_i z_i/Σα ∈ C, optimality of v_min gives
 *   ‖c‖² ≥ ‖v_min‖² + ‖c − v_min‖², so ‖c − v_min‖ ≤ √(γ_hi² − γ_lo²), and
 *   ‖a/‖a‖ − b/‖b‖‖ ≤ 2‖a − b‖/‖b‖ turns that into a ball around ū.
 * - Exact face (tried first): on the support found numerically, an exact
 *   rational optimality certificate gives γ̄ and ū to a few ulps
 *   (exact-min-norm-face.ts); if it fails (degenerate or wrong support) the
 *   interval bounds above are used.
 * - Non-separability: an exact rational α ≥ 0, Σα = 1, Σ α_i z_i = 0
 *   (exact-convex-combination.ts). Then no w has min_i⟨w, z_i⟩ > 0.
 * - When none of these settles it (degenerate or nearly degenerate data), an
 *   exact phase-one simplex (exact-separability-lp.ts) decides 0 ∈ conv{z_i}
 *   and returns either the convex combination or a separating direction.
 * The candidates come from Wolfe's algorithm (min-norm-point.ts); floats are
 * never trusted, only the rigorous evaluations above.
 *
 * Decimal data (a user's file whose entries are not all doubles): the exact face and the convex
 * combination are certified on the exact decimals. Otherwise the bounds on the nearest doubles are
 * widened by δ ≥ max_i ‖z_i − z̃_i‖: min_i⟨z_i, u⟩ moves by at most δ for a unit u, and so does
 * ‖Σα_i z_i‖/Σα, so γ̄ ∈ [lo − δ, hi + δ] and c moves by at most δ. The exact simplex reads doubles
 * only, so on decimal data it is not used (the result is then undetermined, never a guess).
 */

export type MaxMarginResult =
  | {
      kind: 'separable';
      /** γ̄ ∈ gamma, certified. */
      gamma: Interval;
      /** gamma.hi − gamma.lo and that relative to gamma.lo (upper bounds). */
      width: number;
      relativeWidth: number;
      /** ‖ū − center‖₂ ≤ radius, certified. */
      direction: { center: number[]; radius: number };
      /** 'exact-face': exact rational optimality certificate on the support (enclosures a few ulps wide);
       *  'primal-dual': interval evaluation of a primal and a dual candidate;
       *  'exact-lp': separability proved by an exact separating direction (tiny margins), γ̄ bounded below by it. */
      method: 'exact-face' | 'primal-dual' | 'exact-lp';
      /** The dual candidate: support indices and weights (floats ≥ 0, summing to about 1). */
      support: number[];
      weights: number[];
    }
  | {
      kind: 'non-separable';
      /** Exact certificate: Σ_k weights_k z_{support_k} = 0, weights ≥ 0, Σ weights = 1 (rationals "p/q"). */
      support: number[];
      weights: string[];
    }
  | {
      kind: 'undetermined';
      reason: string;
      /** Bounds that are still certified: γ̄ ≤ gammaUpper when data turn out separable. */
      gammaLower: number;
      gammaUpper: number;
    };

/** The rigorous primal bound min_i ⟨z_i, w⟩/‖w‖ (an interval; its lo is a certified lower bound of γ̄). */
export function primalMarginBound(points: readonly (readonly number[])[], w: readonly number[]): Interval | null {
  const wv = Float64Array.from(w);
  const nw = normPoint(wv);
  if (!(nw.lo > 0)) return null;
  let m: Interval | null = null;
  for (const z of points) {
    const v = dotPoint(Float64Array.from(z), wv);
    m = m === null ? v : min(m, v);
  }
  return m === null ? null : div(m, nw);
}

/** ‖Σ α_k z_{S_k}‖ / Σ α as an interval, and the enclosure of c = Σ α_k z_{S_k} / Σ α. */
export function dualMarginBound(
  points: readonly (readonly number[])[],
  support: readonly number[],
  weights: readonly number[],
): { bound: Interval; combination: Interval[] } | null {
  if (weights.some((a) => !(a >= 0))) return null;
  const alpha = Float64Array.from(weights);
  const total = sumPoint(alpha);
  if (!(total.lo > 0)) return null;
  const d = points[support[0]].length;
  const sum: Interval[] = [];
  for (let j = 0; j < d; j++) sum.push(dotPoint(alpha, Float64Array.from(support, (s) => points[s][j])));
  const norm = normInterval({ lo: Float64Array.from(sum, (x) => x.lo), hi: Float64Array.from(sum, (x) => x.hi) });
  return { bound: div(norm, total), combination: sum.map((x) => div(x, total)) };
}

/** Upper bound of the ℓ2 distance from the box to the point `center` inside it. */
function boxRadius(box: readonly Interval[], center: readonly number[]): number {
  let sq = 0;
  for (let j = 0; j < box.length; j++) {
    const h = Math.max(subUp(center[j], box[j].lo), subUp(box[j].hi, center[j]));
    sq = addUp(sq, mulUp(h, h));
  }
  return sqrtUp(sq);
}

function directionBall(c: Interval[], gammaLo: number, gammaHi: number): { center: number[]; radius: number } {
  // ‖c − v_min‖ ≤ ρ = √(γ_hi² − γ_lo²) (γ_lo > 0); ĉ = midpoints of the box of c, ‖c − ĉ‖ ≤ β.
  const rho = sqrtUp(Math.max(0, subUp(mulUp(gammaHi, gammaHi), mulDown(gammaLo, gammaLo))));
  const chat = c.map((x) => Math.min(Math.max(0.5 * x.lo + 0.5 * x.hi, x.lo), x.hi));
  const beta = boxRadius(c, chat);
  const chatNorm = normPoint(Float64Array.from(chat));
  if (!(chatNorm.lo > 0)) return { center: chat, radius: Infinity };
  // ū lies within 2(ρ + β)/‖ĉ‖ of ĉ/‖ĉ‖, which lies in the box `unit`.
  const unit = chat.map((x) => div(interval(x, x), chatNorm));
  const center = unit.map((x) => Math.min(Math.max(0.5 * x.lo + 0.5 * x.hi, x.lo), x.hi));
  const radius = addUp(divUp(mulUp(2, addUp(rho, beta)), chatNorm.lo), boxRadius(unit, center));
  return { center, radius };
}

export interface MaxMarginOptions {
  /** Try the exact face certificate first (default true; false forces the interval primal–dual bounds). */
  exactFace?: boolean;
}

/** Certified max margin of a data set (see the header). */
export function certifiedMaxMargin(data: Dataset, options: MaxMarginOptions = {}): MaxMarginResult {
  const n = sampleCount(data);
  if (n === 0 || dimension(data) === 0) return { kind: 'undetermined', reason: 'empty data set', gammaLower: -Infinity, gammaUpper: Infinity };
  const points = signedPoints(data);
  if (points.some((z) => z.some((v) => !Number.isFinite(v)))) {
    return { kind: 'undetermined', reason: 'non-finite coordinates', gammaLower: -Infinity, gammaUpper: Infinity };
  }
  const wolfe = minNormPoint(points);
  const decimal = hasDecimals(data);
  const exactPoints = decimal ? exactSignedEntries(data) : null;
  if ((options.exactFace ?? true) && points.length * dimension(data) <= EXACT_FACE_LIMIT) {
    const face = exactPoints ? exactMinNormFaceOf(integerMatrix(exactPoints), wolfe.support) : exactMinNormFace(points, wolfe.support);
    if (face !== null) {
      const width = subUp(face.gamma[1], face.gamma[0]);
      const box = face.direction.map(([lo, hi]) => interval(lo, hi));
      const center = box.map((x) => Math.min(Math.max(0.5 * x.lo + 0.5 * x.hi, x.lo), x.hi));
      return {
        kind: 'separable',
        gamma: interval(face.gamma[0], face.gamma[1]),
        width,
        relativeWidth: divUp(width, face.gamma[0]),
        direction: { center, radius: boxRadius(box, center) },
        method: 'exact-face',
        support: wolfe.support.slice(),
        weights: wolfe.weights.slice(),
      };
    }
  }
  const primal = primalMarginBound(points, wolfe.point);
  const doublesDual = dualMarginBound(points, wolfe.support, wolfe.weights);
  const offset = decimal ? decimalOffset(data) : 0;
  const dual = doublesDual && offset > 0 ? { bound: doublesDual.bound, combination: doublesDual.combination.map((x) => interval(subDown(x.lo, offset), addUp(x.hi, offset))) } : doublesDual;
  const gammaLower = primal === null ? -Infinity : subDown(primal.lo, offset);
  const gammaUpper = dual === null ? Infinity : addUp(dual.bound.hi, offset);

  if (gammaLower > 0 && dual !== null) {
    const width = subUp(gammaUpper, gammaLower);
    return {
      kind: 'separable',
      gamma: interval(gammaLower, gammaUpper),
      width,
      relativeWidth: divUp(width, gammaLower),
      direction: directionBall(dual.combination, gammaLower, gammaUpper),
      method: 'primal-dual',
      support: wolfe.support.slice(),
      weights: wolfe.weights.slice(),
    };
  }
  const certificate = exactPoints ? zeroInConvexHullOf(exactPoints, wolfe.support) : zeroInConvexHull(points, wolfe.support);
  if (certificate !== null) return nonSeparable(wolfe.support, certificate);
  // The float candidates could not settle it: decide 0 ∈ conv{z_i} exactly (on doubles only).
  if (!decimal && points.length * dimension(data) <= EXACT_LP_LIMIT) {
    const decision = decideZeroInHull(points);
    if (decision?.kind === 'zero-in-hull') return nonSeparable(decision.support, decision.weights);
    if (decision?.kind === 'separated') {
      // γ̄ ≥ min_i⟨z_i, u⟩/‖u‖ > 0 exactly: √(p²s / (q²r)) for min = p/q, ‖u‖² = r/s.
      const { minDot, normSquared } = marginOfDirection(points, decision.direction);
      const [lower] = sqrtRatioBounds(minDot.num * minDot.num * normSquared.den, minDot.den * minDot.den * normSquared.num);
      const lo = Math.max(lower, gammaLower);
      const hi = gammaUpper;
      const width = subUp(hi, lo);
      return {
        kind: 'separable',
        gamma: interval(lo, hi),
        width,
        relativeWidth: lo > 0 ? divUp(width, lo) : Infinity,
        direction: dual === null || !(lo > 0) ? { center: wolfe.point.slice(), radius: Infinity } : directionBall(dual.combination, lo, hi),
        method: 'exact-lp',
        support: wolfe.support.slice(),
        weights: wolfe.weights.slice(),
      };
    }
  }
  return {
    kind: 'undetermined',
    reason:
      gammaLower > 0
        ? 'no dual bound'
        : 'neither a positive margin nor an exact convex combination equal to 0 could be certified',
    gammaLower,
    gammaUpper,
  };
}

function nonSeparable(support: number[], weights: Rational[]): MaxMarginResult {
  return { kind: 'non-separable', support: support.slice(), weights: weights.map(rationalToString) };
}
