import { expDown, expUp } from '../arithmetic/elementary.js';
import type { Interval } from '../arithmetic/interval.js';
import * as rounding from '../arithmetic/rounding.js';
import * as ball from './ball-arithmetic.js';

/**
 * Rigorous a-posteriori bounds for one step of an approximate gradient flow.
 *
 * On a step [t_k, t_k + h] the approximant is ŵ(t_k + hσ) = P(σ) = Σ_k b_k σ^k,
 * σ ∈ [0, 1], with double coefficients b_k of any accuracy (from
 * exponential-flow-taylor.ts). Its defect δ = dŵ/dt + ∇L(ŵ) satisfies
 *   ∫ ‖δ‖ dt = ∫₀¹ ‖P'(σ) − h Zᵀ exp(−Z P(σ))‖ dσ,
 * an explicit function of σ: u = ZP is a polynomial with ball coefficients,
 * E = exp(−u) has Taylor coefficients by E_k = −(1/k) Σ_j j u_j E_{k−j} (ball
 * arithmetic), and the tail beyond the last computed order follows from
 * Cauchy's estimate: exp(−u) is entire, and on |σ| ≤ c,
 * |exp(−u_i(σ))| ≤ exp(−u_{i,0} + Σ_{j≥1} |u_{i,j}| c^j) =: M_i, so |E_{i,k}| ≤ M_i c^−k.
 * No interval enclosure of the ODE itself is needed, hence no wrapping
 * through the coupling matrix ZZᵀ.
 *
 * Why the defect suffices (gradient-flow.ts): L is convex, so ∇L is monotone
 * and for the exact flow w, d/dt ½‖w − ŵ‖² = ⟨w − ŵ, −∇L(w) + ∇L(ŵ) − δ⟩
 * ≤ ‖w − ŵ‖‖δ‖; hence ‖w − ŵ‖ grows by at most ∫‖δ‖ over the step.
 *
 * Path length over the step: ∫‖dŵ/dt‖dt = ∫₀¹ √N(σ) dσ with N = ‖P'‖² a
 * polynomial; √N is analytic on |σ| ≤ c when Σ_{m≥1}|N_m| c^m < N_0, with
 * |√N| ≤ √(N_0 + Σ|N_m| c^m) there, so the same Cauchy tail applies. The
 * exact flow's speed differs from ‖dŵ/dt‖ by at most ‖∇L(w) − ∇L(ŵ)‖ + ‖δ‖
 * ≤ Λ‖w − ŵ‖ + ‖δ‖, with Λ ≥ Σ_i e_i ‖z_i‖² ≥ ‖∇²L‖ on the tube around ŵ.
 */

// Module-local copies: imported bindings may be accessed through getters in hot loops.
const U = rounding.UNIT_ROUNDOFF; // unit roundoff u
const ETA = rounding.ETA;
const { addUp, divDown, divUp, sqrtDown, sqrtUp, subDown, subUp, upCheap } = rounding;
const { ballFromBounds, normUpper, roundoffRadius } = ball;
const expDownLocal = expDown;
const expUpLocal = expUp;

/** Fixed data of one flow: Z (n × d, row-major) and upper bounds of ‖z_i‖ and ‖z_i‖². */
export interface FlowData {
  readonly Z: Float64Array;
  /** Zᵀ (d × n, row-major). */
  readonly ZT: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly zNormUp: Float64Array;
  readonly zNormSqUp: Float64Array;
}

export interface StepCertificate {
  /** Upper bound of ∫ ‖δ‖ dt over the step. */
  defectIntegral: number;
  /**
   * The part of defectIntegral that is rounding (the radii of the computed
   * coefficients of δ, a float estimate): proportional to h, so no smaller
   * step lowers it relative to the step. Steering only.
   */
  roundoff: number;
  /** Box mid ± rad enclosing the exact P(1) = Σ b_k. */
  endMid: Float64Array;
  endRad: Float64Array;
  /** Enclosure of ∫‖ẇ‖dt of the exact flow over the step (given its distance to ŵ at the start). */
  pathLength: Interval;
  /** Enclosure of the approximant's own path length ∫‖dŵ/dt‖dt over the step. */
  approximantPath: Interval;
  /**
   * Λ ≥ sup ‖∇²L‖ over the tube of radius startRadius + defectIntegral around
   * ŵ on the step (infinite on overflow).
   */
  curvature: number;
  /** False when √N could not be expanded and a crude bound was used. */
  pathLengthSharp: boolean;
  /** Width of the enclosure of the approximant's own path length (without the coupling to the exact flow). */
  approximantPathWidth: number;
}

/** Scratch arrays for certifyStep, sized for a degree and a maximal expansion order. */
export interface CertificateWorkspace {
  readonly maxOrder: number;
  /** Stride of the per-sample series: uM[i·S + k], EM[i·S + k]. */
  readonly stride: number;
  readonly column: Float64Array;
  readonly columnR: Float64Array;
  readonly uM: Float64Array;
  readonly uR: Float64Array;
  readonly duM: Float64Array;
  readonly duR: Float64Array;
  readonly EM: Float64Array;
  readonly ER: Float64Array;
  readonly D: Float64Array;
  readonly sm: Float64Array;
  readonly sB: Float64Array;
  readonly PM: Float64Array;
  readonly PR: Float64Array;
  readonly NM: Float64Array;
  readonly NR: Float64Array;
  readonly SM: Float64Array;
  readonly SR: Float64Array;
  readonly TM: Float64Array;
  readonly TR: Float64Array;
  /** Samples whose series E_i is carried scaled by e^{a_i} (see SCALED_BELOW), and an upper bound of e^{a_min − a_i}. */
  readonly scaled: Int32Array;
  readonly scaledFactor: Float64Array;
  readonly scaledSize: Float64Array;
  /** Per coordinate: an upper bound of the scaled samples' |(Zᵀ E_k)_j|. */
  readonly scaledBound: Float64Array;
}

export function certificateWorkspace(n: number, d: number, degree: number, maxOrder: number): CertificateWorkspace {
  const orders = maxOrder + 2;
  return {
    maxOrder,
    stride: orders,
    column: new Float64Array(n),
    columnR: new Float64Array(n),
    uM: new Float64Array(orders * n),
    uR: new Float64Array(orders * n),
    duM: new Float64Array(orders * n),
    duR: new Float64Array(orders * n),
    EM: new Float64Array(orders * n),
    ER: new Float64Array(orders * n),
    D: new Float64Array(orders),
    sm: new Float64Array(d),
    sB: new Float64Array(d),
    PM: new Float64Array(Math.max(1, degree) * d),
    PR: new Float64Array(Math.max(1, degree) * d),
    NM: new Float64Array(2 * degree + 1),
    NR: new Float64Array(2 * degree + 1),
    SM: new Float64Array(orders + 1),
    SR: new Float64Array(orders + 1),
    TM: new Float64Array(2 * degree + 1),
    TR: new Float64Array(2 * degree + 1),
    scaled: new Int32Array(n),
    scaledFactor: new Float64Array(n),
    scaledSize: new Float64Array(n),
    scaledBound: new Float64Array(d),
  };
}

/**
 * A sample whose E_0 = exp(−u_0) is below this bound (far from the margin: u_0 > 346) has its series
 * E_i computed scaled by e^{a_i}, a_i = ⌊u_0⌋: unscaled, the recurrence's products reach subnormal
 * doubles (or E_0 rounds to 0 and only its radius is left), and each such operation costs the processor
 * a microcode assist, about 3× the time of the whole recurrence at n = 100, T = 10⁸. The recurrence is
 * linear in E, so the scaled balls enclose e^{a_i} E_i exactly as the unscaled ones enclose E_i; such a
 * sample then enters Zᵀ E_k only through an upper bound of its size (it is below 2⁻⁵⁰⁰ of the sum).
 */
const SCALED_BELOW = 2 ** -500;
/** The relative factors e^{a_min − a_i} are rounded up to at least this (an upper bound stays one), so no factor is subnormal. */
const FACTOR_FLOOR = 2 ** -500;

/**
 * An upper bound of e^x that is never subnormal: below x = −700, where e^x < 10⁻³⁰⁴, it is 2⁻¹⁰⁰⁰
 * (products with a subnormal double cost a microcode assist each; the bound only loosens by 10⁻³⁰¹).
 */
function expUpNormal(x: number): number {
  return x < -700 ? 2 ** -1000 : expUpLocal(x);
}

/** (m ± r)/k for a positive integer k, as a ball. */
function divideByInteger(m: number, r: number, k: number): [number, number] {
  const q = m / k;
  return [q, upCheap(upCheap(r / k) + (2 * U * Math.abs(q) + 2 * ETA))];
}

/** k·(m ± r) for a positive integer k, as a ball. */
function scaleByInteger(m: number, r: number, k: number): [number, number] {
  const q = k * m;
  return [q, upCheap(upCheap(k * r) + (2 * U * Math.abs(q) + 2 * ETA))];
}

/** Upper bound of x^m (x ≥ 0). */
function powUp(x: number, m: number): number {
  let r = 1;
  for (let k = 0; k < m; k++) r = upCheap(r * x);
  return r;
}

/** Upper bound of c^−m / (1 − 1/c) for c > 1: the integral over [0, 1] of a Cauchy tail from order m. */
function geometricTailUp(c: number, m: number): number {
  const q = upCheap(1 / c);
  const oneMinus = subDown(1, q);
  if (!(oneMinus > 0)) return Infinity;
  return divUp(powUp(q, m), oneMinus);
}

/** Upper bound of Σ_{j=1}^{degree} (|m_j| + r_j) c^j for coefficients at stride `stride` from `offset`. */
function majorantUp(mid: Float64Array, rad: Float64Array, offset: number, stride: number, degree: number, c: number): number {
  let v = 0;
  let cp = 1;
  for (let j = 1; j <= degree; j++) {
    cp = upCheap(cp * c);
    v = upCheap(v + upCheap(upCheap(Math.abs(mid[offset + j * stride]) + rad[offset + j * stride]) * cp));
  }
  return v;
}

export const RADIUS_FACTORS = [1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64];

/**
 * Chooses the Cauchy radius c (in units of the step) and the order K ≥ minOrder
 * with T(c)·c^−(K+1)/(1 − 1/c) ≤ budget, minimising K. A float estimate used
 * only for the choice; the bound itself is then computed rigorously.
 *
 * The order needed, ⌈g(s)⌉ − 1 with s = log c and g(s) = f(s)/s, f(s) = log T(eˢ) − log(1 − e⁻ˢ) − log budget,
 * is non-increasing and then non-decreasing in c: both magnitudes are Σ_i a_i exp(Σ_j b_ij c^j) with
 * a, b ≥ 0 (or a square root of such a polynomial), so log T(eˢ) is convex in s, and so is −log(1 − e⁻ˢ);
 * for convex f, (f/s)' = (s f' − f)/s² changes sign at most once (s f' − f grows: its derivative is s f'').
 * The scan stops where the order rises again.
 */
export function chooseCauchyRadius(
  magnitude: (c: number) => number,
  budget: number,
  minOrder: number,
  maxOrder: number,
): { factor: number; order: number } {
  let best = { factor: 2, order: maxOrder };
  let found = false;
  for (const c of RADIUS_FACTORS) {
    const T = magnitude(c);
    // T grows with c (the square root's is infinite where the expansion fails, which a larger c only worsens):
    // past the first infinite one after a finite one, every larger radius is infinite too.
    if (!(T < Infinity)) {
      if (found) break;
      continue;
    }
    const need = T / ((1 - 1 / c) * budget);
    let K = need <= 1 ? minOrder : Math.ceil(Math.log(need) / Math.log(c)) - 1;
    if (K < minOrder) K = minOrder;
    if (K > maxOrder) K = maxOrder;
    // The order needed is unimodal in c (below), so once it rises again no larger radius lowers it.
    if (found && K > best.order) break;
    if (K < best.order || (K === best.order && c < best.factor)) best = { factor: c, order: K };
    found = true;
    // Larger radii cannot lower the order below minOrder, and ties keep the smaller radius.
    if (K === minOrder) break;
  }
  return best;
}

/**
 * Certifies one step of exact length h ∈ [hLo, hHi] (0 ≤ hLo ≤ hHi) of the
 * approximant with coefficients b_0..b_degree (b[k·d + j]).
 * `startRadius` bounds ‖w(t_k) − b_0‖ for the exact flow w; `goal` is the
 * target of ∫‖δ‖ over the step and only steers the expansion orders. All
 * returned bounds are rigorous (infinite on overflow).
 */
export function certifyStep(
  F: FlowData,
  b: Float64Array,
  degree: number,
  hLo: number,
  hHi: number,
  startRadius: number,
  goal: number,
  cw: CertificateWorkspace,
): StepCertificate {
  const { Z, ZT, n, d, zNormUp, zNormSqUp } = F;
  const { uM, uR, duM, duR, EM, ER, D, sm, sB, column, columnR, scaled, scaledFactor, scaledSize, scaledBound, stride: S } = cw;

  // u_k = Z b_k (exact inputs: rounding radii only), and k·u_k.
  for (let k = 0; k <= degree; k++) {
    const bk = k * d;
    for (let i = 0; i < n; i++) {
      let s = 0;
      let A = 0;
      const zi = i * d;
      for (let j = 0; j < d; j++) {
        const t = Z[zi + j] * b[bk + j];
        s += t;
        A += Math.abs(t);
      }
      const r = roundoffRadius(A, 0, d);
      uM[i * S + k] = s;
      uR[i * S + k] = r;
      if (k > 0) {
        // scaleByInteger(s, r, k), inline (no tuple in the hot loop).
        const q = k * s;
        duM[i * S + k] = q;
        duR[i * S + k] = upCheap(upCheap(k * r) + (2 * U * Math.abs(q) + 2 * ETA));
      }
    }
  }

  // Budget of each Cauchy tail (steering only).
  const budget = Math.max(0.1 * goal, 1e-300);

  // Order and radius of the Cauchy tail for E = exp(−u).
  const cauchyE = chooseCauchyRadius(
    (c) => {
      let T = 0;
      for (let i = 0; i < n; i++) {
        const base = i * S;
        let v = 0;
        for (let j = degree; j >= 1; j--) v = (v + Math.abs(uM[base + j]) + uR[base + j]) * c;
        // Math.exp is 0 below −746 (skipped: the same sum, without the slow underflowing call).
        const x = -uM[base] + v;
        if (x > -746) T += zNormUp[i] * Math.exp(x);
      }
      return T * hHi;
    },
    budget,
    degree,
    cw.maxOrder,
  );
  const order = cauchyE.order;

  // E_0 = exp(−u_0) (or e^{a_i} exp(−u_0) for a scaled sample), then the recurrence (per sample, contiguous in the order).
  let scaledCount = 0;
  let aMin = Infinity;
  for (let i = 0; i < n; i++) {
    const base = i * S;
    const lo = subDown(uM[base], uR[base]);
    const hi = addUp(uM[base], uR[base]);
    let e0Lo = expDownLocal(-hi);
    let e0Hi = expUpLocal(-lo);
    if (e0Hi < SCALED_BELOW && lo < Infinity) {
      // a = ⌊lo⌋ is an integer double, so e^{a − u_0} ∈ [exp(a − hi), exp(a − lo)] with a − lo, a − hi rounded outward.
      const a = Math.floor(lo);
      e0Lo = expDownLocal(subDown(a, hi));
      e0Hi = expUpLocal(subUp(a, lo));
      scaled[scaledCount++] = i;
      scaledFactor[i] = a; // the shift for now; the relative factor once aMin is known
      if (a < aMin) aMin = a;
    }
    const [m0, r0] = ballFromBounds(e0Lo, e0Hi);
    EM[base] = m0;
    ER[base] = r0;
    for (let k = 1; k <= order; k++) {
      const top = k < degree ? k : degree;
      let s = 0;
      let A = 0;
      let B = 0;
      for (let j = 1; j <= top; j++) {
        const a = duM[base + j];
        const ar = duR[base + j];
        const e = EM[base + k - j];
        const er = ER[base + k - j];
        const t = a * e;
        s += t;
        A += Math.abs(t);
        B += Math.abs(a) * er + ar * (Math.abs(e) + er);
      }
      // divideByInteger(s, radius, k), inline.
      const q = s / k;
      EM[base + k] = -q;
      ER[base + k] = upCheap(upCheap(roundoffRadius(A, B, top) / k) + (2 * U * Math.abs(q) + 2 * ETA));
    }
  }

  // The scaled samples' common factor e^{−a_min} (an upper bound) and each one's e^{a_min − a_i} ≤ 1 (upper bounds, floored).
  const commonFactor = scaledCount > 0 ? expUpLocal(-aMin) : 0;
  for (let s = 0; s < scaledCount; s++) {
    const i = scaled[s];
    scaledFactor[i] = Math.max(FACTOR_FLOOR, expUpLocal(subUp(aMin, scaledFactor[i])));
  }

  // δ_k = (k+1) b_{k+1} − h (Zᵀ E_k); D_k ≥ ‖δ_k‖.
  const [hm, hr] = ballFromBounds(hLo, hHi);
  let roundoff = 0;
  for (let k = 0; k <= order; k++) {
    for (let i = 0; i < n; i++) {
      column[i] = EM[i * S + k];
      columnR[i] = ER[i * S + k];
    }
    if (scaledCount > 0) {
      // |Σ_{scaled i} z_ij E_{i,k}| ≤ e^{−a_min} Σ |z_ij| (|Ẽ_{i,k}| + r) e^{a_min − a_i}, every operation rounded up;
      // the scaled samples are left out of the sums below.
      for (let s = 0; s < scaledCount; s++) {
        const i = scaled[s];
        column[i] = 0;
        columnR[i] = 0;
      }
      for (let s = 0; s < scaledCount; s++) {
        const i = scaled[s];
        scaledSize[s] = upCheap(upCheap(Math.abs(EM[i * S + k]) + ER[i * S + k]) * scaledFactor[i]);
      }
      for (let j = 0; j < d; j++) {
        // A sum of nonnegative products: its rounding error is within roundoffRadius of the computed sum.
        const row = j * n;
        let acc = 0;
        for (let s = 0; s < scaledCount; s++) acc += Math.abs(ZT[row + scaled[s]]) * scaledSize[s];
        scaledBound[j] = upCheap(upCheap(acc + roundoffRadius(acc, 0, scaledCount)) * commonFactor);
      }
    }
    for (let j = 0; j < d; j++) {
      // Y = Zᵀ E_k ∈ ym ± yr; then (k+1) b_{k+1} − h·Y as a two-term sum of products.
      const row = j * n;
      let ym = 0;
      let A = 0;
      let B = 0;
      for (let i = 0; i < n; i++) {
        const z = ZT[row + i];
        const t = z * column[i];
        ym += t;
        A += Math.abs(t);
        B += Math.abs(z) * columnR[i];
      }
      const yr = scaledCount > 0 ? upCheap(roundoffRadius(A, B, n) + scaledBound[j]) : roundoffRadius(A, B, n);
      const t2 = hm * ym;
      const t1 = k + 1 <= degree ? (k + 1) * b[(k + 1) * d + j] : 0;
      sm[j] = t1 - t2;
      sB[j] = roundoffRadius(Math.abs(t1) + Math.abs(t2), Math.abs(hm) * yr + hr * (Math.abs(ym) + yr), 2);
    }
    D[k] = normUpper(sm, sB, 0, d);
    let radiusSq = 0;
    for (let j = 0; j < d; j++) radiusSq += sB[j] * sB[j];
    roundoff += Math.sqrt(radiusSq) / (k + 1);
  }

  // ∫₀¹ ‖δ(σ)‖ dσ ≤ Σ_k D_k/(k+1) + h Σ_i ‖z_i‖ M_i c^−(K+1)/(1 − 1/c).
  let defectIntegral = 0;
  for (let k = 0; k <= order; k++) defectIntegral = upCheap(defectIntegral + upCheap(D[k] / (k + 1)));
  {
    const c = cauchyE.factor;
    let T = 0;
    for (let i = 0; i < n; i++) {
      const v = majorantUp(uM, uR, i * S, 1, degree, c);
      const M = expUpNormal(upCheap(upCheap(uR[i * S] - uM[i * S]) + v));
      T = upCheap(T + upCheap(zNormUp[i] * M));
    }
    const tail = upCheap(upCheap(T * hHi) * geometricTailUp(c, order + 1));
    defectIntegral = upCheap(defectIntegral + tail);
  }

  // P(1) = Σ_k b_k, by the compensated sum Sum2 of Ogita, Rump and Oishi (SIAM J. Sci.
  // Comput. 2005, Prop. 4.5): |res − Σ b_k| ≤ u|Σ b_k| + γ²_{K} Σ|b_k| (TwoSum is exact).
  const endMid = new Float64Array(d);
  const endRad = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let s = 0;
    let c = 0;
    let A = 0;
    for (let k = 0; k <= degree; k++) {
      const x = b[k * d + j];
      const t = s + x;
      const z = t - s;
      c += s - (t - z) + (x - z);
      s = t;
      A += Math.abs(x);
    }
    const res = s + c;
    endMid[j] = res;
    const g = (degree + 2) * U;
    endRad[j] = degree === 0 ? 0 : upCheap(2 * U * Math.abs(res) + 2 * g * g * A + 2 * ETA);
  }

  // Overflow anywhere (0·∞, ∞ − ∞) leaves NaN: treat it as an unbounded defect.
  if (defectIntegral !== defectIntegral) defectIntegral = Infinity;

  // Λ ≥ sup ‖∇²L‖ over the tube of radius startRadius + ∫‖δ‖ around ŵ on the step.
  const tube = upCheap(startRadius + defectIntegral);
  let curvature = 0;
  for (let i = 0; i < n; i++) {
    const v = majorantUp(uM, uR, i * S, 1, degree, 1);
    const arg = upCheap(upCheap(upCheap(uR[i * S] - uM[i * S]) + v) + upCheap(zNormUp[i] * tube));
    curvature = upCheap(curvature + upCheap(zNormSqUp[i] * expUpNormal(arg)));
  }
  let coupling = upCheap(upCheap(upCheap(curvature * tube) * hHi) + defectIntegral);
  if (coupling !== coupling) coupling = Infinity;
  if (curvature !== curvature) curvature = Infinity;

  const path = pathLengthOfApproximant(b, d, degree, budget, cw);
  const finite = path.lo === path.lo && path.hi === path.hi && coupling < Infinity;
  const pathLength: Interval = finite
    ? { lo: Math.max(0, subDown(path.lo, coupling)), hi: addUp(path.hi, coupling) }
    : { lo: 0, hi: Infinity };
  return {
    defectIntegral,
    roundoff,
    endMid,
    endRad,
    pathLength,
    approximantPath: path.lo === path.lo && path.hi === path.hi ? { lo: Math.max(0, path.lo), hi: path.hi } : { lo: 0, hi: Infinity },
    curvature,
    pathLengthSharp: path.sharp,
    approximantPathWidth: finite ? subUp(path.hi, path.lo) : Infinity,
  };
}

/** Enclosure of ∫₀¹ ‖P'(σ)‖ dσ. */
function pathLengthOfApproximant(
  b: Float64Array,
  d: number,
  degree: number,
  budget: number,
  cw: CertificateWorkspace,
): { lo: number; hi: number; sharp: boolean } {
  const { PM, PR, NM, NR } = cw;
  const dp = degree - 1; // degree of P'
  if (dp < 0) return { lo: 0, hi: 0, sharp: true };
  // ∫‖P'‖ is homogeneous: work with 2^s P' so that the squares in N neither
  // underflow nor overflow, and divide by 2^s at the end (outward).
  let largest = 0;
  for (let k = 1; k <= degree; k++) for (let j = 0; j < d; j++) largest = Math.max(largest, (k + 1) * Math.abs(b[k * d + j]));
  const scale = !(largest < Infinity) ? 1 : largest > 2 ** 300 ? 2 ** -400 : largest < 2 ** -300 && largest > 0 ? 2 ** 400 : 1;
  for (let a = 0; a <= dp; a++) {
    for (let j = 0; j < d; j++) {
      const [m, r] = scaleByInteger(b[(a + 1) * d + j] * scale, scale === 1 ? 0 : 2 * ETA, a + 1);
      PM[a * d + j] = m;
      PR[a * d + j] = r;
    }
  }
  // N = ‖P'‖², N_m = Σ_j Σ_{a+b=m} P'_{j,a} P'_{j,b}.
  const nDeg = 2 * dp;
  for (let m = 0; m <= nDeg; m++) {
    let s = 0;
    let A = 0;
    let B = 0;
    let count = 0;
    const aHi = Math.min(m, dp);
    for (let a = Math.max(0, m - dp); a <= aHi; a++) {
      const c = m - a;
      for (let j = 0; j < d; j++) {
        const x = PM[a * d + j];
        const xr = PR[a * d + j];
        const y = PM[c * d + j];
        const yr = PR[c * d + j];
        const t = x * y;
        s += t;
        A += Math.abs(t);
        B += Math.abs(x) * yr + xr * (Math.abs(y) + yr);
        count++;
      }
    }
    NM[m] = s;
    NR[m] = roundoffRadius(A, B, count);
  }
  // Adaptive dyadic pieces [j·2^−ℓ, (j+1)·2^−ℓ]: √N is expanded on each piece
  // where it varies little enough; where the speed changes fast (a strongly
  // damped flow), the pieces get shorter.
  let lo = 0;
  let hi = 0;
  const pending: [number, number][] = [[0, 0]];
  while (pending.length > 0) {
    const [j, level] = pending.pop()!;
    const piece = sqrtIntegralOnPiece(nDeg, j, level, budget * 2 ** -level, cw);
    if (piece === null) {
      if (level >= MAX_PATH_LEVEL) return unscale({ lo: 0, hi: crudePathLength(PM, PR, dp, d), sharp: false }, scale);
      pending.push([2 * j + 1, level + 1], [2 * j, level + 1]);
      continue;
    }
    lo = rounding.addDown(lo, piece[0]);
    hi = addUp(hi, piece[1]);
  }
  return unscale({ lo, hi, sharp: true }, scale);
}

/** ∫₀¹‖P'‖ ≤ Σ_a ‖P'_a‖/(a+1): the bound when the pieces run out. */
function crudePathLength(PM: Float64Array, PR: Float64Array, dp: number, d: number): number {
  let acc = 0;
  for (let a = 0; a <= dp; a++) acc = upCheap(acc + upCheap(normUpper(PM, PR, a * d, d) / (a + 1)));
  return acc;
}

/** The path length of 2^s P' back to that of P' (outward). */
function unscale(x: { lo: number; hi: number; sharp: boolean }, scale: number): { lo: number; hi: number; sharp: boolean } {
  return scale === 1 ? x : { lo: Math.min(Number.MAX_VALUE, Math.max(0, rounding.subDown(x.lo / scale, 2 * ETA))), hi: upCheap(x.hi / scale), sharp: x.sharp };
}

/** Deepest dyadic subdivision of a step for the path length (2^6 = 64 pieces). */
const MAX_PATH_LEVEL = 6;

/**
 * Enclosure of ∫ √N over the piece [j·w, (j+1)·w], w = 2^−level, from the
 * ball coefficients NM/NR (degree nDeg) of N; null when √N cannot be
 * expanded there (N too close to 0 relative to its variation).
 */
function sqrtIntegralOnPiece(nDeg: number, j: number, level: number, budget: number, cw: CertificateWorkspace): [number, number] | null {
  const { NM, NR, TM, TR, SM, SR } = cw;
  // T(τ) = N(w(j + τ)), τ ∈ [0, 1]: scale by w^k (exact powers of two), then shift by the integer j.
  const w = 2 ** -level;
  let wk = 1;
  for (let k = 0; k <= nDeg; k++) {
    TM[k] = NM[k] * wk;
    TR[k] = upCheap(NR[k] * wk + 2 * ETA); // 2η: the scaled midpoint may underflow
    wk *= w;
  }
  if (j > 0) {
    for (let i = 0; i < nDeg; i++) {
      for (let k = nDeg - 1; k >= i; k--) {
        const t = j * TM[k + 1];
        const m = TM[k] + t;
        TR[k] = roundoffRadius(Math.abs(TM[k]) + Math.abs(t), TR[k] + upCheap(j * TR[k + 1]), 2);
        TM[k] = m;
      }
    }
  }
  const n0Lo = subDown(TM[0], TR[0]);
  if (!(n0Lo > 0)) return null;
  const choice = chooseCauchyRadius(
    (c) => {
      let v = 0;
      let cp = 1;
      for (let m = 1; m <= nDeg; m++) {
        cp *= c;
        v += (Math.abs(TM[m]) + TR[m]) * cp;
      }
      return v < 0.75 * n0Lo ? Math.sqrt(TM[0] + v) : Infinity;
    },
    budget,
    1,
    cw.maxOrder,
  );
  const c = choice.factor;
  // Rigorous analyticity condition and bound M.
  const V = majorantUp(TM, TR, 0, 1, nDeg, c);
  if (!(V < n0Lo)) return null;
  const M = sqrtUp(upCheap(addUp(TM[0], TR[0]) + V));
  const order = choice.order;

  // S = √T: S_0 = √T_0, S_k = (T_k − Σ_{j=1}^{k−1} S_j S_{k−j}) / (2 S_0).
  const s0Lo = sqrtDown(n0Lo);
  const s0Hi = sqrtUp(addUp(TM[0], TR[0]));
  [SM[0], SR[0]] = ballFromBounds(s0Lo, s0Hi);
  const [im, ir] = ballFromBounds(divDown(0.5, s0Hi), divUp(0.5, s0Lo));
  for (let k = 1; k <= order; k++) {
    let s = k <= nDeg ? TM[k] : 0;
    let A = Math.abs(s);
    let B = k <= nDeg ? TR[k] : 0;
    for (let i = 1; i < k; i++) {
      const x = SM[i];
      const xr = SR[i];
      const y = SM[k - i];
      const yr = SR[k - i];
      const t = x * y;
      s -= t;
      A += Math.abs(t);
      B += Math.abs(x) * yr + xr * (Math.abs(y) + yr);
    }
    const xr = roundoffRadius(A, B, k);
    const t = s * im;
    SM[k] = t;
    SR[k] = roundoffRadius(Math.abs(t), Math.abs(s) * ir + xr * (Math.abs(im) + ir), 1);
  }
  // ∫₀¹ S = Σ_k S_k/(k+1) ± M c^−(K+1)/(1 − 1/c), then times w (exact).
  let s = 0;
  let A = 0;
  let B = 0;
  for (let k = 0; k <= order; k++) {
    const [m, r] = divideByInteger(SM[k], SR[k], k + 1);
    s += m;
    A += Math.abs(m);
    B += r;
  }
  const tail = upCheap(M * geometricTailUp(c, order + 1));
  const rad = upCheap(roundoffRadius(A, B, order + 1) + tail);
  return [rounding.mulDown(subDown(s, rad), w), rounding.mulUp(addUp(s, rad), w)];
}
