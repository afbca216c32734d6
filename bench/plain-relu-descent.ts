/**
 * The honest baseline of certified gradient descent: the same iteration
 * W ← W − η∇R̂(W) on the two-layer ReLU net, f(x; W) = (1/√m) Σ_j a_j σ(⟨w_j, x⟩),
 * R̂ = (1/n) Σ_k log(1 + e^{−y_k f(x_k)}), written as plain Float64Array loops
 * with nothing shared with the tool (no caches, no evaluator, no library).
 */
export function plainReluDescent(X: Float64Array, y: Float64Array, a: Float64Array, W0: Float64Array, n: number, d: number, eta: number, steps: number): Float64Array {
  const m = a.length;
  const W = Float64Array.from(W0);
  const P = new Float64Array(m);
  const G = new Float64Array(m * d);
  const scale = 1 / Math.sqrt(m);
  for (let step = 0; step < steps; step++) {
    G.fill(0);
    for (let k = 0; k < n; k++) {
      const xo = k * d;
      let f = 0;
      for (let j = 0; j < m; j++) {
        let p = 0;
        const wo = j * d;
        for (let l = 0; l < d; l++) p += W[wo + l] * X[xo + l];
        P[j] = p;
        if (p > 0) f += a[j] * p;
      }
      const z = y[k] * f * scale;
      // ℓ'(z) = −1/(1 + e^z)
      const c = (-y[k] * scale) / (n * (1 + Math.exp(z)));
      for (let j = 0; j < m; j++) {
        if (!(P[j] > 0)) continue;
        const cj = c * a[j];
        const go = j * d;
        for (let l = 0; l < d; l++) G[go + l] += cj * X[xo + l];
      }
    }
    for (let e = 0; e < W.length; e++) W[e] -= eta * G[e];
  }
  return W;
}
