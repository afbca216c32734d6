import type { NetArrays } from './net-arrays.js';

/**
 * The notes' two-layer ReLU net (first layer trained), written once against
 * the array operations of net-arrays.ts and so evaluated in every arithmetic:
 *   f(x; W) = (1/√m) Σ_j a_j σ(⟨w_j, x⟩)
 *   R̂(W) = (1/n) Σ_k ℓ(y_k f(x_k; W))
 *   ∇R̂(W) = (1/n) Σ_k ℓ'(y_k f(x_k; W)) y_k ∇f(x_k; W),  ∇f rows (1/√m) a_j σ'(⟨w_j, x⟩) x
 *   R̂⁽ⁱ⁾(Z) = (1/n) Σ_k ℓ(y_k ⟨Z, ∇f(x_k; W_i)⟩)
 * Every quantity is computed from preactivations P of W (and Q of Z), which
 * callers cache per iterate. k is 0-based.
 */
export interface ReluNetModel<M, S> {
  readonly arrays: NetArrays<M, S>;
  /** P = [⟨w_j, x_k⟩]: n × m. */
  preactivations(W: M): M;
  /** f(x_k; W) from the preactivations of W. */
  output(P: M, k: number): S;
  /** R̂(W). */
  risk(P: M): S;
  /** ∇R̂(W) by the notes' formula (m × d). */
  riskGradient(P: M): M;
  /** R̂⁽ⁱ⁾(Z) from the preactivations P of W_i and Q of Z. */
  surrogateRisk(P: M, Q: M): S;
  /** ∇f(x_k; W) (m × d). */
  pointGradient(P: M, k: number): M;
  /** ⟨∇f(x_k; W), V⟩ = (1/√m) Σ_j a_j σ'(⟨w_j, x_k⟩) ⟨v_j, x_k⟩ from the preactivations P of W and Q of V. */
  pairing(P: M, Q: M, k: number): S;
}

export function reluNetModel<M, S>(K: NetArrays<M, S>): ReluNetModel<M, S> {
  const { A, n } = K;
  const zero = A.num(0);
  const inverseSqrtM = A.div(A.num(1), A.sqrt(A.num(K.m)));
  const gradientScale = A.div(inverseSqrtM, A.num(n));
  const count = A.num(n);
  // f(0; W) = 0 and ⟨∇f(0; W), V⟩ = 0 exactly (the enclosure of ⟨w_j, 0⟩ may carry an underflow allowance).
  const output = (P: M, k: number): S => (K.isZeroPoint(k) ? zero : A.mul(inverseSqrtM, K.signedReluSum(P, k)));
  const pairing = (P: M, Q: M, k: number): S => (K.isZeroPoint(k) ? zero : A.mul(inverseSqrtM, K.signedSlopeSum(P, Q, k)));
  const meanLoss = (margin: (k: number) => S): S => {
    const losses: S[] = [];
    for (let k = 0; k < n; k++) losses.push(A.logistic(A.mul(K.label(k), margin(k))));
    return A.div(A.sum(losses), count);
  };
  return {
    arrays: K,
    preactivations: (W) => K.linear(W),
    output,
    risk: (P) => meanLoss((k) => output(P, k)),
    riskGradient(P) {
      const slopes: S[] = [];
      for (let k = 0; k < n; k++) {
        const y = K.label(k);
        slopes.push(A.mul(A.logisticPrime(A.mul(y, output(P, k))), y));
      }
      return K.signedSlopeGradient(P, slopes, gradientScale);
    },
    surrogateRisk: (P, Q) => meanLoss((k) => pairing(P, Q, k)),
    pointGradient: (P, k) => K.signedSlopeRows(P, k, inverseSqrtM),
    pairing,
  };
}
