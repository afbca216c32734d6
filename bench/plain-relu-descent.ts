/**
 * The honest baselines of the certified ReLU-net computations: the net's
 * risk, its gradient and the gradient-descent iteration W ← W − η∇R̂(W) on the
 * two-layer ReLU net, f(x; W) = (1/√m) Σ_j a_j σ(⟨w_j, x⟩),
 * R̂ = (1/n) Σ_k log(1 + e^{−y_k f(x_k)}), written as plain Float64Array loops
 * with nothing shared with the tool (no caches, no evaluator, no library).
 */

/** Σ_j a_j σ(⟨w_j, x_k⟩) for point k, with the preactivations written to P (length m). */
function signedReluSum(X: Float64Array, a: Float64Array, W: Float64Array, k: number, d: number, P: Float64Array): number {
  const xo = k * d;
  let f = 0;
  for (let j = 0; j < a.length; j++) {
    let p = 0;
    const wo = j * d;
    for (let l = 0; l < d; l++) p += W[wo + l] * X[xo + l];
    P[j] = p;
    if (p > 0) f += a[j] * p;
  }
  return f;
}

/** ∇R̂(W) into G (zeroed here); P is scratch of length m. */
export function plainRiskGradient(X: Float64Array, y: Float64Array, a: Float64Array, W: Float64Array, n: number, d: number, G: Float64Array, P: Float64Array): void {
  const m = a.length;
  const scale = 1 / Math.sqrt(m);
  G.fill(0);
  for (let k = 0; k < n; k++) {
    const z = y[k] * signedReluSum(X, a, W, k, d, P) * scale;
    // ℓ'(z) = −1/(1 + e^z)
    const c = (-y[k] * scale) / (n * (1 + Math.exp(z)));
    const xo = k * d;
    for (let j = 0; j < m; j++) {
      if (!(P[j] > 0)) continue;
      const cj = c * a[j];
      const go = j * d;
      for (let l = 0; l < d; l++) G[go + l] += cj * X[xo + l];
    }
  }
}

/** R̂(W); P is scratch of length m. */
export function plainRisk(X: Float64Array, y: Float64Array, a: Float64Array, W: Float64Array, n: number, d: number, P: Float64Array): number {
  const scale = 1 / Math.sqrt(a.length);
  let risk = 0;
  for (let k = 0; k < n; k++) {
    const z = y[k] * signedReluSum(X, a, W, k, d, P) * scale;
    // ℓ(z) = log(1 + e^{−z}), stable for either sign of z.
    risk += z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
  }
  return risk / n;
}

export function plainReluDescent(X: Float64Array, y: Float64Array, a: Float64Array, W0: Float64Array, n: number, d: number, eta: number, steps: number): Float64Array {
  const W = Float64Array.from(W0);
  const P = new Float64Array(a.length);
  const G = new Float64Array(W.length);
  for (let step = 0; step < steps; step++) {
    plainRiskGradient(X, y, a, W, n, d, G, P);
    for (let e = 0; e < W.length; e++) W[e] -= eta * G[e];
  }
  return W;
}
