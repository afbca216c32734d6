import { DomainError } from './domain-error.js';
import { exp, expDown, expUp, expm1Down, expm1Up, log, log1pDown, log1pUp, logDown, logUp } from './elementary.js';
import { type Interval, UNIT, ZERO, ONE, neg } from './interval.js';
import { addDown, addUp, divDown, divUp, subDown } from './rounding.js';

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

/** σ'(z): 1 for z > 0, 0 for z < 0, [0, 1] when z straddles or touches 0. */
export function reluPrime(a: Interval): Interval {
  if (a.lo > 0) return ONE;
  if (a.hi < 0) return ZERO;
  return UNIT;
}

// ℓ(z) = log(1 + e^(−z)), decreasing.
function logisticDown(z: number): number {
  if (z >= 0) return log1pDown(expDown(-z));
  return addDown(-z, log1pDown(expDown(z)));
}

function logisticUp(z: number): number {
  if (z >= 0) return log1pUp(expUp(-z));
  return addUp(-z, log1pUp(expUp(z)));
}

export function logistic(a: Interval): Interval {
  return { lo: logisticDown(a.hi), hi: logisticUp(a.lo) };
}

// s(z) = 1/(1 + e^z) = −ℓ'(z), decreasing in z, in (0, 1).
function sigmoidTailDown(z: number): number {
  if (z >= 0) {
    // t/(1 + t) with t = e^(−z) ∈ (0, 1], increasing in t.
    const t = expDown(-z);
    return divDown(t, addUp(1, t));
  }
  return divDown(1, addUp(1, expUp(z)));
}

function sigmoidTailUp(z: number): number {
  if (z >= 0) {
    const t = expUp(-z);
    return divUp(t, addDown(1, t));
  }
  return divUp(1, addDown(1, expDown(z)));
}

/** ℓ'(z) = −1/(1 + e^z), increasing from −1 to 0. */
export function logisticPrime(a: Interval): Interval {
  return { lo: -sigmoidTailUp(a.lo), hi: -sigmoidTailDown(a.hi) + 0 };
}

// ℓ⁻¹(v) = −log(e^v − 1) for v > 0, decreasing.
const TINY = 2 ** -20;
const LARGE = 2;

function logisticInverseDown(v: number): number {
  if (v === Infinity) return -Infinity;
  // log(e^v − 1) ≤ log v + v for 0 < v ≤ 1 (expm1(v)/v ≤ 1 + v).
  if (v < TINY) return subDown(-logUp(v), v);
  // −v − log1p(−e^(−v)): no overflow of e^v, and −log1p(−w) increases with w.
  if (v > LARGE) return addDown(-v, -log1pUp(-expDown(-v)));
  return -logUp(expm1Up(v));
}

function logisticInverseUp(v: number): number {
  if (v < TINY) return -logDown(v);
  if (v > LARGE) return addUp(-v, -log1pDown(-expUp(-v)));
  return -logDown(expm1Down(v));
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
