/**
 * Taylor coefficients of the gradient flow of L(w) = Σ_i exp(−⟨z_i, w⟩),
 *   ẇ = Zᵀ e,  e_i = exp(−u_i),  u = Zw   (Z the n × d matrix of the z_i),
 * in plain floats: the non-validated approximant of one step. Nothing here
 * certifies anything; flow-step-certificate.ts bounds the defect of the
 * resulting polynomial rigorously.
 *
 * The coefficients are those of σ ↦ w(t + τσ) for a time scale τ (so that
 * they stay of moderate size whatever t is):
 *   u^[k] = Z p^[k],
 *   E^[0] = exp(−u^[0]),  E^[k] = −(1/k) Σ_{j=1}^{k} j u^[j] E^[k−j]   (from Ė = −E ⊙ u̇),
 *   p^[k+1] = τ Zᵀ E^[k] / (k + 1).
 * Each order costs 2nd + nk operations.
 */

/** Coefficient storage: p[k·d + j]; per sample (contiguous in k): u[i·S + k], E[i·S + k]. */
export interface TaylorWorkspace {
  readonly n: number;
  readonly d: number;
  /** Stride S of the per-sample series. */
  readonly stride: number;
  readonly p: Float64Array;
  readonly u: Float64Array;
  readonly E: Float64Array;
  /** Samples whose series E_i is carried scaled by e^{a_i} (far from the margin), and e^{a_min − a_i}. */
  readonly scaled: Int32Array;
  readonly isScaled: Uint8Array;
  readonly factor: Float64Array;
  readonly sum: Float64Array;
}

/**
 * Below this E_0 a sample's series is computed scaled by e^{a_i}, a_i = ⌊u_0⌋, so that the recurrence
 * never works in subnormal doubles (each such operation costs a microcode assist); it enters p^[k+1]
 * through the scaled sum times e^{−a_min}. The same rule as in flow-step-certificate.ts.
 */
const SCALED_BELOW = 2 ** -500;

export function taylorWorkspace(n: number, d: number, maxDegree: number): TaylorWorkspace {
  const stride = maxDegree + 2;
  return {
    n,
    d,
    stride,
    p: new Float64Array(stride * d),
    u: new Float64Array(stride * n),
    E: new Float64Array(stride * n),
    scaled: new Int32Array(n),
    isScaled: new Uint8Array(n),
    factor: new Float64Array(n),
    sum: new Float64Array(d),
  };
}

/** Fills p^[0..degree] from p^[0] = w for the time scale τ (and u, E up to degree − 1). */
export function flowTaylorCoefficients(
  Z: Float64Array,
  w: ArrayLike<number>,
  degree: number,
  timeScale: number,
  ws: TaylorWorkspace,
): void {
  const { n, d, p, u, E, scaled, isScaled, factor, sum, stride: S } = ws;
  for (let j = 0; j < d; j++) p[j] = w[j];
  let scaledCount = 0;
  let commonFactor = 0;
  for (let k = 0; k < degree; k++) {
    const pk = k * d;
    for (let i = 0; i < n; i++) {
      let s = 0;
      const zi = i * d;
      for (let j = 0; j < d; j++) s += Z[zi + j] * p[pk + j];
      u[i * S + k] = s;
    }
    if (k === 0) {
      let aMin = Infinity;
      for (let i = 0; i < n; i++) {
        const e = Math.exp(-u[i * S]);
        isScaled[i] = e < SCALED_BELOW && u[i * S] < Infinity ? 1 : 0;
        if (isScaled[i] === 1) {
          const a = Math.floor(u[i * S]);
          E[i * S] = Math.exp(a - u[i * S]);
          scaled[scaledCount++] = i;
          factor[i] = a;
          if (a < aMin) aMin = a;
        } else E[i * S] = e;
      }
      commonFactor = Math.exp(-aMin);
      for (let s = 0; s < scaledCount; s++) factor[scaled[s]] = Math.exp(aMin - factor[scaled[s]]);
    } else {
      const inv = -1 / k;
      for (let i = 0; i < n; i++) {
        const base = i * S;
        let s = 0;
        for (let j = 1; j <= k; j++) s += j * u[base + j] * E[base + k - j];
        E[base + k] = s * inv;
      }
    }
    const next = (k + 1) * d;
    for (let j = 0; j < d; j++) p[next + j] = 0;
    for (let i = 0; i < n; i++) {
      if (isScaled[i] === 1) continue;
      const e = E[i * S + k];
      const zi = i * d;
      for (let j = 0; j < d; j++) p[next + j] += Z[zi + j] * e;
    }
    if (scaledCount > 0) {
      // The scaled samples: summed relative to e^{−a_min}, then added at scale.
      for (let j = 0; j < d; j++) sum[j] = 0;
      for (let s = 0; s < scaledCount; s++) {
        const i = scaled[s];
        const e = E[i * S + k] * factor[i];
        const zi = i * d;
        for (let j = 0; j < d; j++) sum[j] += Z[zi + j] * e;
      }
      for (let j = 0; j < d; j++) p[next + j] += sum[j] * commonFactor;
    }
    const scale = timeScale / (k + 1);
    for (let j = 0; j < d; j++) p[next + j] *= scale;
  }
}

/** Euclidean norm of the coefficient p^[k] (float; for step-size control only). */
export function coefficientNorm(ws: TaylorWorkspace, k: number): number {
  let s = 0;
  const off = k * ws.d;
  for (let j = 0; j < ws.d; j++) s += ws.p[off + j] * ws.p[off + j];
  return Math.sqrt(s);
}

/** Rescales the coefficients in place to the time scale θτ: p^[k] ← p^[k] θ^k. */
export function rescaleCoefficients(ws: TaylorWorkspace, degree: number, theta: number): void {
  let f = 1;
  for (let k = 1; k <= degree; k++) {
    f *= theta;
    const off = k * ws.d;
    for (let j = 0; j < ws.d; j++) ws.p[off + j] *= f;
  }
}
