import { DomainError } from './domain-error.js';
import { exp, expDown, expUp, expm1Down, expm1Up, log, log1pDown, log1pUp, logDown, logUp } from './elementary.js';
import { type Interval, UNIT, ZERO, ONE, neg } from './interval.js';
import { reluSlope } from './relu-kink.js';
import { addDown, addUp, divDown, divUp, mulDown, mulUp, subDown, subUp } from './rounding.js';

/**
 * The losses of the notes as interval functions, stable over all of ℝ. Each
 * is monotone, so an interval maps to the bounds at its two ends; each end
 * bound composes directed bounds of monotone pieces (a lower bound of an
 * increasing function at a lower bound of its argument, and so on).
 *
 * Float limits: ℓ(z) and ℓ'(z) for z ≳ 745 are below the least subnormal,
 * so their float enclosures touch 0 (ℓ'(1000) ∈ [−1e−323, 0]); only the
 * decimal instance can exclude 0 there.
 */

export function relu(a: Interval): Interval {
  return { lo: Math.max(0, a.lo), hi: Math.max(0, a.hi) };
}

/**
 * σ'(z): 1 for z > 0, 0 for z < 0; at an exact zero the convention σ'(0) = 0 (one element of
 * Clarke's [0, 1], the float arithmetic's choice too), so two sides that meet the same exact kink
 * take the same value; [0, 1] when the enclosure straddles or touches 0 (either sign is possible).
 */
export function reluPrime(a: Interval): Interval {
  const slope = reluSlope(a.lo, a.hi);
  return slope === 'active' ? ONE : slope === 'dead' ? ZERO : UNIT;
}

/*
 * Seams. Each loss is evaluated by different formulas on different ranges.
 * Every formula's end bounds are monotone, but two formulas need not agree
 * at their seam, which would break inclusion isotonicity. So near a seam s
 * the bounds are clipped by the other formula's bound at s, which is sound by
 * monotonicity of the exact function: e.g. for decreasing g and v < s,
 * g(v) > g(s) ≥ gDown(s).
 */

// ℓ(z) = log(1 + e^(−z)), decreasing; seam at 0 (ℓ(0) = ln 2).
function logisticDownRaw(z: number): number {
  if (z >= 0) return log1pDown(expDown(-z));
  return addDown(-z, log1pDown(expDown(z)));
}

function logisticUpRaw(z: number): number {
  if (z >= 0) return log1pUp(expUp(-z));
  return addUp(-z, log1pUp(expUp(z)));
}

const LOGISTIC_0_DOWN = logisticDownRaw(0);
const LOGISTIC_0_UP = logisticUpRaw(0);

function logisticDown(z: number): number {
  const lo = logisticDownRaw(z);
  return z < 0 ? Math.max(lo, LOGISTIC_0_DOWN) : lo;
}

function logisticUp(z: number): number {
  const hi = logisticUpRaw(z);
  return z > 0 ? Math.min(hi, LOGISTIC_0_UP) : hi;
}

export function logistic(a: Interval): Interval {
  return { lo: logisticDown(a.hi), hi: logisticUp(a.lo) };
}

// s(z) = 1/(1 + e^z) = −ℓ'(z), decreasing in z, in (0, 1); s(0) = 1/2 exactly.
function sigmoidTailDown(z: number): number {
  if (z >= 0) {
    // t/(1 + t) with t = e^(−z) ∈ (0, 1], increasing in t.
    const t = expDown(-z);
    return divDown(t, addUp(1, t));
  }
  return Math.max(0.5, divDown(1, addUp(1, expUp(z))));
}

function sigmoidTailUp(z: number): number {
  if (z >= 0) {
    const t = expUp(-z);
    return Math.min(0.5, divUp(t, addDown(1, t)));
  }
  return divUp(1, addDown(1, expDown(z)));
}

/** ℓ'(z) = −1/(1 + e^z), increasing from −1 to 0. */
export function logisticPrime(a: Interval): Interval {
  return { lo: -sigmoidTailUp(a.lo), hi: -sigmoidTailDown(a.hi) + 0 };
}

// ℓ⁻¹(v) = −log(e^v − 1) for v > 0, decreasing; seams at TINY and LARGE.
const TINY = 2 ** -30;
const LARGE = 2;

/*
 * v < TINY: expm1(v)/v ∈ [1 + v/2, 1 + v/2 + v²/3] and w − w²/2 ≤ log(1 + w) ≤ w
 * give ℓ⁻¹(v) ∈ [−log v − v/2 − v², −log v − v/2 + v²/8].
 * v > LARGE: ℓ⁻¹(v) = −v − log1p(−e^(−v)), no overflow of e^v; −log1p(−w) increases with w.
 */
function inverseTinyDown(v: number): number {
  return subDown(subDown(-logUp(v), mulUp(0.5, v)), mulUp(v, v));
}

function inverseTinyUp(v: number): number {
  return addUp(subUp(-logDown(v), mulDown(0.5, v)), mulUp(0.125, mulUp(v, v)));
}

function inverseMiddleDown(v: number): number {
  return -logUp(expm1Up(v));
}

function inverseMiddleUp(v: number): number {
  return -logDown(expm1Down(v));
}

function inverseLargeDown(v: number): number {
  return addDown(-v, -log1pUp(-expDown(-v)));
}

function inverseLargeUp(v: number): number {
  return addUp(-v, -log1pDown(-expUp(-v)));
}

const MIDDLE_AT_TINY_DOWN = inverseMiddleDown(TINY);
const TINY_AT_TINY_UP = inverseTinyUp(TINY);
const LARGE_AT_LARGE_DOWN = inverseLargeDown(LARGE);
const MIDDLE_AT_LARGE_UP = inverseMiddleUp(LARGE);

function logisticInverseDown(v: number): number {
  if (v === Infinity) return -Infinity;
  if (v < TINY) return Math.max(inverseTinyDown(v), MIDDLE_AT_TINY_DOWN);
  if (v <= LARGE) return Math.max(inverseMiddleDown(v), LARGE_AT_LARGE_DOWN);
  return inverseLargeDown(v);
}

function logisticInverseUp(v: number): number {
  if (v < TINY) return inverseTinyUp(v);
  if (v <= LARGE) return Math.min(inverseMiddleUp(v), TINY_AT_TINY_UP);
  return Math.min(inverseLargeUp(v), MIDDLE_AT_LARGE_UP);
}

/** ℓ⁻¹(v); DomainError unless v > 0 (certain when v ≤ 0 entirely). */
export function logisticInverse(a: Interval): Interval {
  if (a.lo <= 0) throw new DomainError('logisticInverse', a.hi <= 0, 'argument ≤ 0');
  return { lo: logisticInverseDown(a.hi), hi: logisticInverseUp(a.lo) };
}

/** Exponential loss e^(−z). */
export function expLoss(a: Interval): Interval {
  return exp(neg(a));
}

/** Its inverse −log v; DomainError unless v > 0. */
export function expLossInverse(a: Interval): Interval {
  if (a.lo <= 0) throw new DomainError('expLossInverse', a.hi <= 0, 'argument ≤ 0');
  return neg(log(a));
}
