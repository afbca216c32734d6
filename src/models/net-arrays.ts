import type { Arith } from '../arithmetic/arith.js';

/**
 * The array operations a one-hidden-layer ReLU model is written against
 * (relu-net-model.ts), bound to one sample: points x_k (n × d, exact), output
 * signs a_j (m of them) and labels y_k. M is a weight-shaped array (m × d) or a
 * preactivation array (n × m, row-major by k); S a scalar. One implementation
 * per kind of arithmetic: fused Float64Array loops (net-arrays-float.ts), the
 * same loops with a-priori rounding-error bounds on typed-array boxes
 * (net-arrays-interval.ts), and plain `Arith` code for decimals and dual
 * numbers (net-arrays-generic.ts). σ' is decided by relu-kink.ts everywhere.
 *
 * Exactness rules every implementation keeps (the checks compare 0 with 0):
 * a term that is exactly 0 (a dead neuron, a zero coordinate, a zero point)
 * contributes exactly 0, and a sum of such terms is exactly 0.
 */
export interface NetArrays<M, S> {
  /** The scalar arithmetic (floatArith, intervalArith, decimals, duals). */
  readonly A: Arith<S>;
  readonly n: number;
  readonly m: number;
  readonly d: number;
  /** y_k as a scalar (k 0-based). */
  label(k: number): S;
  /** Whether x_k is the zero vector. */
  isZeroPoint(k: number): boolean;
  /** P = [⟨w_j, x_k⟩]: n × m, row-major by k. */
  linear(W: M): M;
  /** Σ_j a_j σ(P_kj). */
  signedReluSum(P: M, k: number): S;
  /** Σ_j a_j σ'(P_kj) Q_kj. */
  signedSlopeSum(P: M, Q: M, k: number): S;
  /** [scale · a_j Σ_k c_k σ'(P_kj) x_kl]_{j,l}: m × d (the scale applied to the sums, as the notes' 1/n does). */
  signedSlopeGradient(P: M, c: readonly S[], scale: S): M;
  /** [c a_j σ'(P_kj) x_kl]_{j,l} for one point k: m × d. */
  signedSlopeRows(P: M, k: number, c: S): M;
  /** c·M entrywise. */
  scale(c: S, M: M): M;
}
