import { type Interval, ONE, div, mul, point, sqrt } from '../arithmetic/interval.js';
import { logisticPrime } from '../arithmetic/losses.js';
import * as rounding from '../arithmetic/rounding.js';
import type { NetSample } from '../models/relu-net-sample.js';
import * as ball from './ball-arithmetic.js';

/**
 * One certified gradient-descent step of the two-layer ReLU net on a ball:
 * given a double centre c and a Frobenius radius ρ with ‖W − c‖_F ≤ ρ for the
 * exact iterate W, a new centre c' and radius ρ' with ‖W − η∇R̂(W) − c'‖_F ≤ ρ'.
 *
 * While no preactivation ⟨w_j, x_k⟩ (x_k ≠ 0) changes sign over the ball, the
 * step map is non-expansive there (relu-gradient-descent.ts), so
 * ρ' = ρ + η‖∇̃R̂(c) − ∇R̂(c)‖_F + (rounding of c − η∇̃R̂(c)). The gradient at c
 * is the plain float loop of the iteration, with its error bounded a priori
 * (Higham's γ_k, see ball-arithmetic.ts) from sums the loop forms anyway:
 *   p_kj = ⟨c_j, x_k⟩:  |p̃ − p| ≤ γ_d ‖c_j‖‖x_k‖ (Cauchy–Schwarz bounds Σ_l|c_jl x_kl|);
 *   s_k = Σ_j a_j σ(p_kj):  γ_m Σ_j|p̃_kj| plus the p errors of the active j;
 *   ℓ'(y_k f_k) y_k: enclosed by the interval ℓ' on the enclosure of f_k (n calls);
 *   G_jl = (a_j/(n√m)) Σ_k ℓ'_k y_k σ'_kj x_kl:  per entry at most γ_n Ā_l + B̄_l with
 *   Ā_l = Σ_k |ℓ̃'_k||x_kl| and B̄_l = Σ_k r_k|x_kl| (r_k the radius of ℓ'_k), bounds
 *   that drop σ' and so hold for every row j: ‖·‖_F ≤ √m ‖γ_n Ā + B̄‖.
 * The extra work beyond the plain loop is O(nd + nm + md) per step.
 * Returns null when some preactivation may change sign over the ball (the
 * caller then takes a box step).
 */

// Module-local copies: imported bindings may be accessed through getters in hot loops.
const U = rounding.UNIT_ROUNDOFF;
const ETA = rounding.ETA;
const { addUp, sqrtUp, subDown, upCheap } = rounding;
const { ballFromBounds, roundoffRadius } = ball;
/** γ-coefficient of roundoffRadius(A, 0, k) = upCheap(1.1kuA + 8kη), as a bound factor ≥ 1.1ku(1 + 4u). */
const gammaFactor = (k: number): number => upCheap(1.1 * k * U * (1 + 4 * U));

/** Per-sample constants of the step, computed once per trajectory. */
export interface BallStepData {
  readonly s: NetSample;
  /** Upper bounds of ‖x_k‖₂. */
  readonly xNormUp: Float64Array;
  /** Enclosure of 1/√m, its midpoint–radius form, and the ball of 1/(n√m). */
  readonly inverseSqrtM: Interval;
  readonly gradScale: readonly [number, number];
  /** Scratch: preactivations of one point, the gradient accumulator, Ā and B̄. */
  readonly p: Float64Array;
  readonly G: Float64Array;
  readonly absSum: Float64Array;
  readonly radSum: Float64Array;
}

export function ballStepData(s: NetSample, xNormUp: Float64Array): BallStepData {
  const inverseSqrtM = div(ONE, sqrt(point(s.m)));
  const gradScaleInterval = div(inverseSqrtM, point(s.n));
  return {
    s,
    xNormUp,
    inverseSqrtM,
    gradScale: ballFromBounds(gradScaleInterval.lo, gradScaleInterval.hi),
    p: new Float64Array(s.m),
    G: new Float64Array(s.m * s.d),
    absSum: new Float64Array(s.d),
    radSum: new Float64Array(s.d),
  };
}

/** Upper bound of √(Σ v_i²) for non-negative doubles (scaled sums are not needed at these magnitudes; overflow gives ∞). */
function normUp(v: Float64Array): number {
  let q = 0;
  for (let i = 0; i < v.length; i++) q += v[i] * v[i];
  return sqrtUp(upCheap(q * (1 + (2 * v.length + 4) * U) + 2 * v.length * ETA));
}

export function ballStep(D: BallStepData, centre: Float64Array, radius: number, eta: number): { centre: Float64Array; radius: number } | null {
  const { s, xNormUp, p, G, absSum, radSum } = D;
  const { n, m, d, X, y, a } = s;
  // rowGamma ≥ γ_d ‖c_j‖ for every row j (Cauchy–Schwarz: Σ_l|c_jl x_kl| ≤ ‖c_j‖‖x_k‖).
  const gammaD = gammaFactor(d);
  const underflowD = 8 * d * ETA;
  let rowGamma = 0;
  for (let j = 0; j < m; j++) {
    let q = 0;
    for (let l = 0; l < d; l++) q += centre[j * d + l] * centre[j * d + l];
    rowGamma = Math.max(rowGamma, upCheap(gammaD * sqrtUp(upCheap(q * (1 + (2 * d + 4) * U) + 2 * d * ETA))));
  }
  G.fill(0);
  absSum.fill(0);
  radSum.fill(0);
  const [gm, gr] = D.gradScale;
  const [im, ir] = ballFromBounds(D.inverseSqrtM.lo, D.inverseSqrtM.hi);
  for (let k = 0; k < n; k++) {
    if (s.zeroPoint[k]) continue;
    const xo = k * d;
    const xNorm = xNormUp[k];
    // One error bound for every row (the largest row norm): a single comparison per preactivation.
    const error = upCheap(upCheap(rowGamma * xNorm) + underflowD);
    const threshold = upCheap(error + upCheap(radius * xNorm));
    // Preactivations, the pattern check, and s_k = Σ_j a_j σ(p_kj) with its error.
    let sum = 0;
    let absP = 0;
    let active = 0;
    for (let j = 0; j < m; j++) {
      const wo = j * d;
      let acc = 0;
      for (let l = 0; l < d; l++) acc += centre[wo + l] * X[xo + l];
      p[j] = acc;
      if (!(Math.abs(acc) > threshold)) return null;
      if (acc > 0) {
        sum += a[j] * acc;
        absP += acc;
        active++;
      }
    }
    const pError = upCheap(active * error);
    const sumRadius = roundoffRadius(absP, pError, Math.max(active, 1));
    // f_k = s_k/√m as an interval, then ℓ'(y_k f_k) y_k as a ball.
    const fMid = sum * im;
    const fRad = roundoffRadius(Math.abs(fMid), Math.abs(sum) * ir + sumRadius * (im + ir), 1);
    const fLo = subDown(fMid, fRad);
    const fHi = addUp(fMid, fRad);
    const g = y[k] > 0 ? logisticPrime({ lo: fLo, hi: fHi }) : logisticPrime({ lo: -fHi, hi: -fLo });
    const [gMid, gRad] = ballFromBounds(g.lo, g.hi);
    const slope = y[k] > 0 ? gMid : -gMid;
    if (slope === 0 && gRad === 0) continue;
    for (let l = 0; l < d; l++) {
      const x = Math.abs(X[xo + l]);
      absSum[l] += Math.abs(slope) * x;
      radSum[l] += gRad * x;
    }
    for (let j = 0; j < m; j++) {
      if (!(p[j] > 0)) continue;
      const c = a[j] > 0 ? slope : -slope;
      const go = j * d;
      for (let l = 0; l < d; l++) G[go + l] += c * X[xo + l];
    }
  }
  // Entry (j, l) of the accumulated sum is within γ_n Ā_l + B̄_l of the exact one (see header).
  for (let l = 0; l < d; l++) absSum[l] = roundoffRadius(absSum[l], radSum[l], n);
  const accError = upCheap(sqrtUp(m) * normUp(absSum));
  // G = acc · (1/(n√m)) as balls, c' = c − ηG; Frobenius norms of the pieces for the radius.
  const next = new Float64Array(m * d);
  let accSq = 0;
  let nextSq = 0;
  let stepSq = 0;
  for (let e = 0; e < m * d; e++) {
    const acc = G[e];
    accSq += acc * acc;
    const step = eta * (acc * gm);
    const c = centre[e] - step;
    next[e] = c;
    stepSq += step * step;
    nextSq += c * c;
  }
  const count = m * d;
  const grow = 1 + (2 * count + 4) * U;
  const accNorm = sqrtUp(upCheap(accSq * grow + 2 * count * ETA));
  const stepNorm = sqrtUp(upCheap(stepSq * grow + 2 * count * ETA));
  const nextNorm = sqrtUp(upCheap(nextSq * grow + 2 * count * ETA));
  // ‖G̃ − G‖ ≤ accError (gm + gr) + ‖acc‖ gr + (rounding of acc·gm and of η·(…): 2u‖ηG̃‖/η + η-terms).
  const gradientError = upCheap(upCheap(accError * upCheap(gm + gr)) + upCheap(accNorm * gr));
  const updateRounding = upCheap(upCheap(2 * U * stepNorm) + upCheap(U * nextNorm) + 4 * count * ETA);
  const newRadius = upCheap(upCheap(radius + upCheap(eta * gradientError)) + upCheap(updateRounding * (1 + 4 * U)));
  return newRadius < Infinity ? { centre: next, radius: newRadius } : null;
}
