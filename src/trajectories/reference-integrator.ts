import { type Dataset, dimension, sampleCount, signedPointMatrix } from '../models/dataset.js';

/**
 * A non-validated adaptive Runge–Kutta integrator (Dormand–Prince 5(4),
 * FSAL, local extrapolation) for the gradient flow ẇ = Zᵀ exp(−Zw). It
 * certifies nothing: it is the speed baseline of the validated flow and an
 * independent numerical check of it.
 *
 * Error control per step: ‖err‖∞ ≤ atol + rtol · max(‖w_k‖∞, ‖w_{k+1}‖∞)
 * (relative to the size of the whole vector, so that components passing
 * through 0 do not force tiny steps).
 */

export interface ReferenceOptions {
  w0?: readonly number[];
  /** Relative tolerance per step (default 1e−10). */
  rtol?: number;
  /** Absolute tolerance per step (default 1e−300, i.e. purely relative). */
  atol?: number;
  /** Give up after this many steps (default 1e7). */
  maxSteps?: number;
}

export interface ReferenceResult {
  points: { t: number; w: number[] }[];
  steps: number;
  rejectedSteps: number;
  evaluations: number;
}

// Dormand–Prince 5(4) tableau.
const C2 = 1 / 5, C3 = 3 / 10, C4 = 4 / 5, C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const B1 = 35 / 384, B3 = 500 / 1113, B4 = 125 / 192, B5 = -2187 / 6784, B6 = 11 / 84;
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;

export function referenceGradientFlow(
  data: Dataset,
  times: readonly number[],
  options: ReferenceOptions = {},
): ReferenceResult {
  const n = sampleCount(data);
  const d = dimension(data);
  const Z = signedPointMatrix(data);
  const rtol = options.rtol ?? 1e-10;
  const atol = options.atol ?? 1e-300;
  const maxSteps = options.maxSteps ?? 10_000_000;
  const e = new Float64Array(n);
  let evaluations = 0;

  const f = (w: Float64Array, out: Float64Array): void => {
    evaluations++;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += Z[i * d + j] * w[j];
      e[i] = Math.exp(-s);
    }
    out.fill(0);
    for (let i = 0; i < n; i++) {
      const ei = e[i];
      for (let j = 0; j < d; j++) out[j] += Z[i * d + j] * ei;
    }
  };

  let w = Float64Array.from(options.w0 ?? new Array<number>(d).fill(0));
  const k1 = new Float64Array(d), k2 = new Float64Array(d), k3 = new Float64Array(d);
  const k4 = new Float64Array(d), k5 = new Float64Array(d), k6 = new Float64Array(d), k7 = new Float64Array(d);
  const y = new Float64Array(d);
  let next = new Float64Array(d);
  const maxAbs = (v: Float64Array): number => {
    let m = 0;
    for (let j = 0; j < d; j++) m = Math.max(m, Math.abs(v[j]));
    return m;
  };

  f(w, k1);
  // Initial step: a small fraction of the time scale ‖w‖/‖ẇ‖ (or of 1/‖ẇ‖ at w = 0).
  let h = 1e-3 * Math.max(maxAbs(w), 1e-3) / Math.max(maxAbs(k1), 1e-300);
  let t = 0;
  let steps = 0;
  let rejected = 0;
  const points: { t: number; w: number[] }[] = [];

  for (const target of times) {
    while (t < target && steps < maxSteps) {
      const last = t + h >= target;
      const hs = last ? target - t : h;
      for (let j = 0; j < d; j++) y[j] = w[j] + hs * A21 * k1[j];
      f(y, k2);
      for (let j = 0; j < d; j++) y[j] = w[j] + hs * (A31 * k1[j] + A32 * k2[j]);
      f(y, k3);
      for (let j = 0; j < d; j++) y[j] = w[j] + hs * (A41 * k1[j] + A42 * k2[j] + A43 * k3[j]);
      f(y, k4);
      for (let j = 0; j < d; j++) y[j] = w[j] + hs * (A51 * k1[j] + A52 * k2[j] + A53 * k3[j] + A54 * k4[j]);
      f(y, k5);
      for (let j = 0; j < d; j++)
        y[j] = w[j] + hs * (A61 * k1[j] + A62 * k2[j] + A63 * k3[j] + A64 * k4[j] + A65 * k5[j]);
      f(y, k6);
      for (let j = 0; j < d; j++) next[j] = w[j] + hs * (B1 * k1[j] + B3 * k3[j] + B4 * k4[j] + B5 * k5[j] + B6 * k6[j]);
      f(next, k7);
      let err = 0;
      for (let j = 0; j < d; j++) {
        const ej = hs * (E1 * k1[j] + E3 * k3[j] + E4 * k4[j] + E5 * k5[j] + E6 * k6[j] + E7 * k7[j]);
        err = Math.max(err, Math.abs(ej));
      }
      const scale = atol + rtol * Math.max(maxAbs(w), maxAbs(next));
      const ratio = err / scale;
      const factor = ratio === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(ratio, -0.2)));
      steps++;
      if (ratio <= 1) {
        t = last ? target : t + hs;
        const tmp = w;
        w = next;
        next = tmp;
        k1.set(k7);
        if (!last || factor < 1) h = hs * factor;
      } else {
        rejected++;
        h = hs * Math.min(1, factor);
      }
    }
    points.push({ t: target, w: Array.from(w) });
  }
  return { points, steps, rejectedSteps: rejected, evaluations };
}
