import type { Arith } from '../arithmetic/arith.js';
import { exactRow } from '../language/decimal-rows.js';
import { type Dataset, sampleCount } from './dataset.js';

/**
 * The linear predictor f(x; w) = ⟨w, x⟩ under the exponential loss:
 * margins m_i(w) = y_i⟨w, x_i⟩ = ⟨z_i, w⟩, unnormalized risk
 * L(w) = Σ_i exp(−m_i(w)), gradient ∇L(w) = −Σ_i exp(−m_i(w)) z_i.
 * Every formula is written once against Arith<T>; with a certified instance
 * the results enclose the exact values for every w in the given box.
 */

/** The z_i as arithmetic values (exact doubles). */
export function signedPointsIn<T>(A: Arith<T>, data: Dataset): (readonly T[])[] {
  const out: (readonly T[])[] = [];
  for (let i = 0; i < sampleCount(data); i++) out.push(exactRow(A, data.X[i], data.y[i]));
  return out;
}

/** m_i(w) = ⟨z_i, w⟩ for every i. */
export function margins<T>(A: Arith<T>, data: Dataset, w: readonly T[]): T[] {
  return signedPointsIn(A, data).map((z) => A.dot(z, w));
}

/** ℓ(m_i(w)) = exp(−m_i(w)) for every i. */
export function pointLosses<T>(A: Arith<T>, data: Dataset, w: readonly T[]): T[] {
  return margins(A, data, w).map((m) => A.expLoss(m));
}

/** L(w) = Σ_i exp(−⟨z_i, w⟩). */
export function risk<T>(A: Arith<T>, data: Dataset, w: readonly T[]): T {
  return A.sum(pointLosses(A, data, w));
}

/** −∇L(w) = Σ_i exp(−⟨z_i, w⟩) z_i, the velocity of the gradient flow. */
export function negativeGradient<T>(A: Arith<T>, data: Dataset, w: readonly T[]): T[] {
  const Z = signedPointsIn(A, data);
  const e = Z.map((z) => A.expLoss(A.dot(z, w)));
  const out: T[] = [];
  for (let j = 0; j < w.length; j++) out.push(A.dot(e, Z.map((z) => z[j])));
  return out;
}

/** ∇L(w) = −Σ_i exp(−⟨z_i, w⟩) z_i. */
export function gradient<T>(A: Arith<T>, data: Dataset, w: readonly T[]): T[] {
  return negativeGradient(A, data, w).map((g) => A.neg(g));
}

export function normSquared<T>(A: Arith<T>, v: readonly T[]): T {
  return A.sum(v.map((x) => A.sqr(x)));
}

export function norm<T>(A: Arith<T>, v: readonly T[]): T {
  return A.sqrt(normSquared(A, v));
}

/** min_i m_i(w): the unnormalized margin. */
export function minMargin<T>(A: Arith<T>, data: Dataset, w: readonly T[]): T {
  return margins(A, data, w).reduce((a, b) => A.min(a, b));
}

/** γ(w) = min_i m_i(w) / ‖w‖ (1-homogeneous model); DomainError when ‖w‖ may be 0. */
export function normalizedMargin<T>(A: Arith<T>, data: Dataset, w: readonly T[]): T {
  return A.div(minMargin(A, data, w), norm(A, w));
}

/** γ̃(w) = ℓ⁻¹(L(w)) / ‖w‖ = −log L(w) / ‖w‖, the smoothed margin. */
export function smoothMargin<T>(A: Arith<T>, data: Dataset, w: readonly T[]): T {
  return A.div(A.expLossInverse(risk(A, data, w)), norm(A, w));
}
