import { floatArith } from '../arithmetic/float-arith.js';
import type { NetSample } from './relu-net-sample.js';

/**
 * The net's hot quantities in plain doubles (screening and the float
 * trajectory; never a certificate). W and Z are row-major m × d.
 *   f(x; W) = (1/√m) Σ_j a_j σ(⟨x, w_j⟩)
 *   R̂(W) = (1/n) Σ_k ℓ(y_k f(x_k; W))
 *   ∇R̂(W) = (1/n) Σ_k ℓ'(y_k f(x_k; W)) y_k ∇f(x_k; W),  ∇f rows (1/√m) a_j σ'(⟨w_j, x⟩) x
 *   R̂⁽ⁱ⁾(Z) = (1/n) Σ_k ℓ(y_k ⟨Z, ∇f(x_k; W_i)⟩)
 * σ'(0) is taken as 0 here (floats never decide a kink).
 */

const { logistic, logisticPrime } = floatArith;

/** ⟨w_j, x_k⟩ for every k, j: n × m, row-major by k. */
export function preactivations(W: Float64Array, s: NetSample): Float64Array {
  const { n, m, d, X } = s;
  const P = new Float64Array(n * m);
  for (let k = 0; k < n; k++) {
    const xo = k * d;
    for (let j = 0; j < m; j++) {
      const wo = j * d;
      let acc = 0;
      for (let l = 0; l < d; l++) acc += W[wo + l] * X[xo + l];
      P[k * m + j] = acc;
    }
  }
  return P;
}

/** f(x_k; W) for every k, from the preactivations. */
export function outputs(P: Float64Array, s: NetSample): Float64Array {
  const { n, m, a } = s;
  const scale = 1 / Math.sqrt(m);
  const f = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let acc = 0;
    for (let j = 0; j < m; j++) {
      const p = P[k * m + j];
      if (p > 0) acc += a[j] * p;
    }
    f[k] = scale * acc;
  }
  return f;
}

/** R̂(W) from the preactivations P of W. */
export function riskFrom(P: Float64Array, s: NetSample): number {
  const f = outputs(P, s);
  let acc = 0;
  for (let k = 0; k < s.n; k++) acc += logistic(s.y[k] * f[k]);
  return acc / s.n;
}

/** ∇R̂(W) from given preactivations (m × d). */
export function riskGradientFrom(P: Float64Array, s: NetSample): Float64Array {
  const { n, m, d, X, y, a } = s;
  const f = outputs(P, s);
  const slope = new Float64Array(n);
  for (let k = 0; k < n; k++) slope[k] = logisticPrime(y[k] * f[k]) * y[k];
  const G = new Float64Array(m * d);
  const scale = 1 / (n * Math.sqrt(m));
  for (let k = 0; k < n; k++) {
    const xo = k * d;
    for (let j = 0; j < m; j++) {
      if (!(P[k * m + j] > 0)) continue;
      const c = slope[k] * a[j] * scale;
      const go = j * d;
      for (let l = 0; l < d; l++) G[go + l] += c * X[xo + l];
    }
  }
  return G;
}

export function riskGradient(W: Float64Array, s: NetSample): Float64Array {
  return riskGradientFrom(preactivations(W, s), s);
}

/** R̂⁽ⁱ⁾(Z) from the preactivations P of W_i and Q of Z. */
export function surrogateRiskFrom(P: Float64Array, Q: Float64Array, s: NetSample): number {
  const { n, m, y, a } = s;
  const scale = 1 / Math.sqrt(m);
  let acc = 0;
  for (let k = 0; k < n; k++) {
    let u = 0;
    for (let j = 0; j < m; j++) if (P[k * m + j] > 0) u += a[j] * Q[k * m + j];
    acc += logistic(y[k] * scale * u);
  }
  return acc / n;
}

/** f(x_k; W) from the preactivations P of W (k is 0-based here). */
export function outputAt(P: Float64Array, k: number, s: Pick<NetSample, 'm' | 'a'>): number {
  const { m, a } = s;
  let acc = 0;
  for (let j = 0; j < m; j++) {
    const p = P[k * m + j];
    if (p > 0) acc += a[j] * p;
  }
  return acc / Math.sqrt(m);
}

/** ∇f(x_k; W) (m × d) from the preactivations P of W. */
export function gradientAt(P: Float64Array, k: number, s: NetSample): Float64Array {
  const { m, d, a, X } = s;
  const G = new Float64Array(m * d);
  const scale = 1 / Math.sqrt(m);
  for (let j = 0; j < m; j++) {
    if (!(P[k * m + j] > 0)) continue;
    for (let l = 0; l < d; l++) G[j * d + l] = a[j] * X[k * d + l] * scale;
  }
  return G;
}

/** ⟨∇f(x_k; W), V⟩ = (1/√m) Σ_j a_j σ'(⟨w_j, x_k⟩) ⟨v_j, x_k⟩ from the preactivations P of W and Q of V. */
export function pairingAt(P: Float64Array, Q: Float64Array, k: number, s: Pick<NetSample, 'm' | 'a'>): number {
  const { m, a } = s;
  let acc = 0;
  for (let j = 0; j < m; j++) if (P[k * m + j] > 0) acc += a[j] * Q[k * m + j];
  return acc / Math.sqrt(m);
}
