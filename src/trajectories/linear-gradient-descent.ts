import { expDown, expUp } from '../arithmetic/elementary.js';
import { type Interval, interval } from '../arithmetic/interval.js';
import { addUp, subDown, upCheap } from '../arithmetic/rounding.js';
import { type Dataset, dimension, sampleCount, signedPointMatrix } from '../models/dataset.js';
import { ballFromBounds, pointNormUpper, roundoffRadius } from './ball-arithmetic.js';

/**
 * Gradient descent w_{k+1} = w_k − η∇L(w_k) on the linear model with the
 * exponential loss, with certified iterates.
 *
 * Ball enclosures: the exact iterate w_k lies in the ball B(c_k, r_k). With
 * T(w) = w − η∇L(w), ‖T(w) − T(c)‖ ≤ sup‖I − η∇²L‖·‖w − c‖ on the segment, and
 * since 0 ⪯ ∇²L ⪯ Λ I there (Λ ≥ Σ_i e_i‖z_i‖² over the ball),
 * ‖I − η∇²L‖ ≤ max(1, ηΛ − 1). T(c_k) itself is enclosed in a box (ball
 * arithmetic); c_{k+1} is its midpoint and r_{k+1} = max(1, ηΛ − 1) r_k + ‖box radius‖.
 * So for step sizes with ηΛ ≤ 2 (the usual regime) radii only grow by
 * rounding; beyond that they grow geometrically, and the report says so.
 */

export interface LinearGradientDescentOptions {
  /** Start (default 0). */
  w0?: readonly number[];
  /** The step size: a double, or an interval of exact step sizes (iterates then enclose every one). */
  stepSize: number | Interval;
  /** Number of steps. */
  steps: number;
}

export interface CertifiedIterate {
  k: number;
  /** ‖w_k − center‖₂ ≤ radius. */
  center: number[];
  radius: number;
  /** Box enclosure of w_k. */
  w: Interval[];
  /** L(w_k). */
  risk: Interval;
}

export interface LinearGradientDescentResult {
  iterates: CertifiedIterate[];
  /** Largest factor max(1, ηΛ − 1) met: above 1 the radius grew through the dynamics. */
  maxContraction: number;
}

export function certifiedLinearGradientDescent(data: Dataset, options: LinearGradientDescentOptions): LinearGradientDescentResult {
  const n = sampleCount(data);
  const d = dimension(data);
  const Z = signedPointMatrix(data);
  const eta = typeof options.stepSize === 'number' ? interval(options.stepSize, options.stepSize) : options.stepSize;
  if (!(eta.lo >= 0 && eta.hi < Infinity)) throw new RangeError('certifiedLinearGradientDescent: step size must be finite and ≥ 0');
  const [em, er] = ballFromBounds(eta.lo, eta.hi);
  const zNorm = new Float64Array(n);
  const zNormSq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    zNorm[i] = pointNormUpper(Z.subarray(i * d, (i + 1) * d));
    zNormSq[i] = upCheap(zNorm[i] * zNorm[i]);
  }
  let c = Float64Array.from(options.w0 ?? new Array<number>(d).fill(0));
  if (c.length !== d) throw new RangeError(`certifiedLinearGradientDescent: w0 has length ${c.length}, expected ${d}`);
  let r = 0;
  let maxContraction = 1;
  const eM = new Float64Array(n);
  const eR = new Float64Array(n);
  const iterates: CertifiedIterate[] = [];

  for (let k = 0; ; k++) {
    // e_i = exp(−⟨z_i, c⟩) as balls; also L over the ball and Λ.
    let riskLo = 0;
    let riskHi = 0;
    let curvature = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      let A = 0;
      for (let j = 0; j < d; j++) {
        const t = Z[i * d + j] * c[j];
        s += t;
        A += Math.abs(t);
      }
      const rad = roundoffRadius(A, 0, d);
      const lo = expDown(-addUp(s, rad));
      const hi = expUp(-subDown(s, rad));
      [eM[i], eR[i]] = ballFromBounds(lo, hi);
      // Over the ball B(c, r): ⟨z_i, w⟩ ∈ s ± (rad + ‖z_i‖r).
      const spread = upCheap(rad + upCheap(zNorm[i] * r));
      const ballLo = expDown(-addUp(s, spread));
      const ballHi = expUp(-subDown(s, spread));
      riskLo = subDown(riskLo, -ballLo);
      riskHi = addUp(riskHi, ballHi);
      curvature = addUp(curvature, upCheap(zNormSq[i] * ballHi));
    }
    iterates.push({
      k,
      center: Array.from(c),
      radius: r,
      w: Array.from(c, (x) => interval(subDown(x, r), addUp(x, r))),
      risk: interval(riskLo, riskHi),
    });
    if (k === options.steps) break;
    const next = new Float64Array(d);
    const boxRad = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      // g_j = Σ_i z_ij e_i, then c_j + η g_j.
      let s = 0;
      let A = 0;
      let B = 0;
      for (let i = 0; i < n; i++) {
        const z = Z[i * d + j];
        const t = z * eM[i];
        s += t;
        A += Math.abs(t);
        B += Math.abs(z) * eR[i];
      }
      const gr = roundoffRadius(A, B, n);
      const t = em * s;
      next[j] = c[j] + t;
      boxRad[j] = roundoffRadius(Math.abs(c[j]) + Math.abs(t), Math.abs(em) * gr + er * (Math.abs(s) + gr), 2);
    }
    const factor = Math.max(1, upCheap(upCheap(eta.hi * curvature) - 1));
    maxContraction = Math.max(maxContraction, factor);
    r = upCheap(upCheap(factor * r) + pointNormUpper(boxRad));
    c = next;
    if (!(r < Infinity)) r = Infinity;
  }
  return { iterates, maxContraction };
}
