import { expDown, expUp } from '../arithmetic/elementary.js';
import type { Interval } from '../arithmetic/interval.js';
import * as rounding from '../arithmetic/rounding.js';
import * as ball from './ball-arithmetic.js';
import type { TaylorWorkspace } from './exponential-flow-taylor.js';

/**
 * Rigorous a-posteriori bounds for one step of an approximate gradient flow.
 *
 * The approximant on the step is the polynomial p(s) = Σ_k p^[k] s^k with
 * double coefficients (from exponential-flow-taylor.ts, any accuracy). Its
 * defect δ(s) = p'(s) − Zᵀ exp(−Z p(s)) is an explicit function of s, so it
 * can be bounded without integrating anything: u = Zp is a polynomial with
 * ball coefficients, E = exp(−u) has Taylor coefficients by the recurrence
 * E^[k] = −(1/k) Σ_j j u^[j] E^[k−j] (ball arithmetic), and the tail beyond
 * the last computed order follows from Cauchy's estimate: exp(−u) is entire,
 * and on |s| ≤ R, |exp(−u_i(s))| ≤ exp(−u_i^[0] + Σ_{j≥1} |u_i^[j]| R^j) =: M_i,
 * so |E_i^[k]| ≤ M_i / R^k. No interval enclosure of the ODE itself is
 * needed, hence no wrapping effect through the coupling matrix ZZᵀ.
 *
 * Why the defect suffices (used by gradient-flow.ts): L is convex, so ∇L is
 * monotone and for the exact flow w, d/dt ½‖w − p‖² = ⟨w − p, −∇L(w) + ∇L(p) − δ⟩
 * ≤ ‖w − p‖‖δ‖; hence ‖w(t) − p(t)‖ ≤ ‖w(0) − p(0)‖ + ∫‖δ‖.
 *
 * The path length ∫‖ẇ‖ over the step: ‖p'‖ = √N with N = ‖p'‖² a polynomial;
 * √N is analytic on |s| ≤ R when Σ_{m≥1}|N^[m]|R^m < N^[0], with |√N| ≤
 * √(N^[0] + Σ|N^[m]|R^m) there, so the same Cauchy tail applies. The exact
 * flow's speed differs from ‖p'‖ by at most ‖∇L(w) − ∇L(p)‖ + ‖δ‖ ≤ Λ‖w − p‖ + ‖δ‖
 * with Λ ≥ sup ‖∇²L‖ ≥ the largest eigenvalue of Σ_i e_i z_i z_iᵀ on the tube.
 */

// Module-local copies: imported bindings may be accessed through getters in hot loops.
const U = rounding.UNIT_ROUNDOFF;
const ETA = rounding.ETA;
const { addUp, divDown, divUp, sqrtDown, sqrtUp, subDown, upCheap } = rounding;
const { ballFromBounds, hornerBall, normUpper, roundoffRadius } = ball;
const expDownLocal = expDown;
const expUpLocal = expUp;

/** Fixed data of one flow: Z (n × d, row-major) and upper bounds of ‖z_i‖ and ‖z_i‖². */
export interface FlowData {
  readonly Z: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly zNormUp: Float64Array;
  readonly zNormSqUp: Float64Array;
}

export interface StepCertificate {
  /** Upper bound of ∫₀^h ‖δ(s)‖ ds. */
  defectIntegral: number;
  /** Box mid ± rad enclosing p(h) (h the exact step length). */
  endMid: Float64Array;
  endRad: Float64Array;
  /** Enclosure of ∫ ‖ẇ‖ of the exact flow over the step (given its distance to p at the start). */
  pathLength: Interval;
  /** False when √N could not be expanded and a crude bound was used. */
  pathLengthSharp: boolean;
}

/** Scratch arrays for certifyStep, sized for a degree and a maximal order. */
export interface CertificateWorkspace {
  readonly maxOrder: number;
  readonly uM: Float64Array;
  readonly uR: Float64Array;
  readonly duM: Float64Array;
  readonly duR: Float64Array;
  readonly EM: Float64Array;
  readonly ER: Float64Array;
  readonly variation: Float64Array;
  readonly sm: Float64Array;
  readonly sA: Float64Array;
  readonly sB: Float64Array;
  readonly PM: Float64Array;
  readonly PR: Float64Array;
  readonly NM: Float64Array;
  readonly NR: Float64Array;
  readonly SM: Float64Array;
  readonly SR: Float64Array;
}

export function certificateWorkspace(n: number, d: number, degree: number, maxOrder: number): CertificateWorkspace {
  const orders = maxOrder + 2;
  return {
    maxOrder,
    uM: new Float64Array((degree + 1) * n),
    uR: new Float64Array((degree + 1) * n),
    duM: new Float64Array((degree + 1) * n),
    duR: new Float64Array((degree + 1) * n),
    EM: new Float64Array(orders * n),
    ER: new Float64Array(orders * n),
    variation: new Float64Array(n),
    sm: new Float64Array(d),
    sA: new Float64Array(d),
    sB: new Float64Array(d),
    PM: new Float64Array(degree * d),
    PR: new Float64Array(degree * d),
    NM: new Float64Array(2 * degree + 1),
    NR: new Float64Array(2 * degree + 1),
    SM: new Float64Array(orders + 1),
    SR: new Float64Array(orders + 1),
  };
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

/** Upper bound of Σ_{k=0}^{K} c_k x^{k+1}/(k+1) for c_k ≥ 0, x ≥ 0 (all upper bounds). */
function integratedSeriesUp(c: ArrayLike<number>, K: number, x: number): number {
  let acc = 0;
  let xp = x;
  for (let k = 0; k <= K; k++) {
    acc = upCheap(acc + upCheap(upCheap(c[k] * xp) / (k + 1)));
    xp = upCheap(xp * x);
  }
  return acc;
}

/** Upper bound of x^m (x ≥ 0). */
function powUp(x: number, m: number): number {
  let r = 1;
  for (let k = 0; k < m; k++) r = upCheap(r * x);
  return r;
}

/** Upper bound of q^(m)/(1 − q) for 0 ≤ q < 1. */
function geometricTailUp(q: number, m: number): number {
  const oneMinus = subDown(1, q);
  if (!(oneMinus > 0)) return Infinity;
  return divUp(powUp(q, m), oneMinus);
}

const RADIUS_FACTORS = [1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64];

/**
 * The smallest order K ≥ minOrder with T·q^(K+1)/(1 − q) ≤ budget over the
 * candidate radii R = c·h (q = 1/c), T(c) from `magnitude`; float estimate
 * used only to choose R and K (the bound itself is computed rigorously).
 */
function chooseCauchyRadius(
  magnitude: (c: number) => number,
  budget: number,
  minOrder: number,
  maxOrder: number,
): { factor: number; order: number } {
  let best = { factor: 2, order: maxOrder };
  for (const c of RADIUS_FACTORS) {
    const T = magnitude(c);
    if (!(T < Infinity)) continue;
    const need = T / ((1 - 1 / c) * budget);
    let K = need <= 1 ? minOrder : Math.ceil(Math.log(need) / Math.log(c)) - 1;
    if (K < minOrder) K = minOrder;
    if (K < best.order || (K === best.order && c < best.factor)) best = { factor: c, order: Math.min(K, maxOrder) };
  }
  return best;
}

/**
 * Certifies one step of length h ∈ [hLo, hHi] (hLo ≤ hHi, both ≥ 0) of the
 * approximant whose coefficients p^[0..degree] are in `ws`.
 * `startRadius` bounds ‖w(t_k) − p(0)‖ for the exact flow w; `tolerance` is
 * the target of ∫‖δ‖ relative to ‖p'(0)‖·h and only steers the expansion
 * orders. Returns rigorous bounds (possibly infinite when something overflowed).
 */
export function certifyStep(
  F: FlowData,
  ws: TaylorWorkspace,
  degree: number,
  hLo: number,
  hHi: number,
  startRadius: number,
  tolerance: number,
  cw: CertificateWorkspace,
): StepCertificate {
  const { Z, n, d, zNormUp, zNormSqUp } = F;
  const p = ws.p;
  const { uM, uR, duM, duR, EM, ER, variation, sm, sA, sB } = cw;

  // u^[k] = Z p^[k] (exact double inputs: only rounding radii), and k·u^[k].
  for (let k = 0; k <= degree; k++) {
    const pk = k * d;
    for (let i = 0; i < n; i++) {
      let s = 0;
      let A = 0;
      const zi = i * d;
      for (let j = 0; j < d; j++) {
        const t = Z[zi + j] * p[pk + j];
        s += t;
        A += Math.abs(t);
      }
      const r = roundoffRadius(A, 0, d);
      uM[k * n + i] = s;
      uR[k * n + i] = r;
      if (k > 0) {
        const [m, rr] = scaleByInteger(s, r, k);
        duM[k * n + i] = m;
        duR[k * n + i] = rr;
      }
    }
  }

  // Velocity scale and the defect budget (steering only).
  let speed = 0;
  {
    let s = 0;
    for (let j = 0; j < d; j++) s += p[d + j] * p[d + j];
    speed = Math.sqrt(s);
  }
  let roundingScale = 0;
  for (let i = 0; i < n; i++) roundingScale += zNormUp[i] * Math.exp(-uM[i]);
  const budget = Math.max(0.1 * tolerance * speed, 16 * U * roundingScale, 1e-300);

  // Order and radius of the Cauchy tail for E = exp(−u).
  const magnitudeE = (c: number): number => {
    const R = c * hHi;
    let T = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      let Rp = 1;
      for (let j = 1; j <= degree; j++) {
        Rp *= R;
        v += (Math.abs(uM[j * n + i]) + uR[j * n + i]) * Rp;
      }
      T += zNormUp[i] * Math.exp(-uM[i] + v);
    }
    return T;
  };
  const cauchyE = chooseCauchyRadius(magnitudeE, budget, degree, cw.maxOrder);
  const order = cauchyE.order;
  if (process.env.LC_DEBUG) console.log("E", cauchyE.factor, order, hHi);

  // E^[0] = exp(−u^[0]), then the recurrence.
  for (let i = 0; i < n; i++) {
    const lo = subDown(uM[i], uR[i]);
    const hi = addUp(uM[i], uR[i]);
    const [m, r] = ballFromBounds(expDownLocal(-hi), expUpLocal(-lo));
    EM[i] = m;
    ER[i] = r;
  }
  for (let k = 1; k <= order; k++) {
    const top = Math.min(k, degree);
    for (let i = 0; i < n; i++) {
      let s = 0;
      let A = 0;
      let B = 0;
      for (let j = 1; j <= top; j++) {
        const a = duM[j * n + i];
        const ar = duR[j * n + i];
        const b = EM[(k - j) * n + i];
        const br = ER[(k - j) * n + i];
        const t = a * b;
        s += t;
        A += Math.abs(t);
        B += Math.abs(a) * br + ar * (Math.abs(b) + br);
      }
      const [m, r] = divideByInteger(s, roundoffRadius(A, B, top), k);
      EM[k * n + i] = -m;
      ER[k * n + i] = r;
    }
  }

  // δ^[k] = (k+1) p^[k+1] − Zᵀ E^[k]; D_k ≥ ‖δ^[k]‖.
  const D = new Float64Array(order + 1);
  for (let k = 0; k <= order; k++) {
    if (k + 1 <= degree) {
      const pk = (k + 1) * d;
      for (let j = 0; j < d; j++) {
        const t = (k + 1) * p[pk + j];
        sm[j] = t;
        sA[j] = Math.abs(t);
        sB[j] = 0;
      }
    } else {
      sm.fill(0);
      sA.fill(0);
      sB.fill(0);
    }
    const ek = k * n;
    for (let i = 0; i < n; i++) {
      const e = EM[ek + i];
      const er = ER[ek + i];
      const zi = i * d;
      for (let j = 0; j < d; j++) {
        const z = Z[zi + j];
        const t = z * e;
        sm[j] -= t;
        sA[j] += Math.abs(t);
        sB[j] += Math.abs(z) * er;
      }
    }
    for (let j = 0; j < d; j++) sB[j] = roundoffRadius(sA[j], sB[j], n + 1);
    D[k] = normUpper(sm, sB, 0, d);
  }

  // ∫₀^h ‖δ‖ ≤ Σ_k D_k h^{k+1}/(k+1) + Cauchy tail.
  let defectIntegral = integratedSeriesUp(D, order, hHi);
  if (hHi > 0) {
    const R = cauchyE.factor * hHi;
    const q = upCheap(hHi / R);
    let T = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      let Rp = 1;
      for (let j = 1; j <= degree; j++) {
        Rp = upCheap(Rp * R);
        v = upCheap(v + upCheap(upCheap(Math.abs(uM[j * n + i]) + uR[j * n + i]) * Rp));
      }
      variation[i] = v;
      const M = expUpLocal(upCheap(upCheap(uR[i] - uM[i]) + v));
      T = upCheap(T + upCheap(zNormUp[i] * M));
    }
    const tail = upCheap(upCheap(T * hHi) * geometricTailUp(q, order + 1));
    defectIntegral = upCheap(defectIntegral + tail);
  }

  // p(h) over h ∈ [hLo, hHi].
  const [sMid, sRad] = ballFromBounds(hLo, hHi);
  const endMid = new Float64Array(d);
  const endRad = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const [m, r] = hornerBall(p, j, d, degree, sMid, sRad);
    endMid[j] = m;
    endRad[j] = r;
  }

  // Sup of ‖∇²L‖ over the tube of radius startRadius + ∫‖δ‖ around p([0, h]).
  const tube = upCheap(startRadius + defectIntegral);
  let curvature = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    let hp = 1;
    for (let j = 1; j <= degree; j++) {
      hp = upCheap(hp * hHi);
      v = upCheap(v + upCheap(upCheap(Math.abs(uM[j * n + i]) + uR[j * n + i]) * hp));
    }
    const arg = upCheap(upCheap(upCheap(uR[i] - uM[i]) + v) + upCheap(zNormUp[i] * tube));
    curvature = upCheap(curvature + upCheap(zNormSqUp[i] * expUpLocal(arg)));
  }
  const coupling = upCheap(upCheap(upCheap(curvature * tube) * hHi) + defectIntegral);
  if (process.env.LC_DEBUG2 && !(coupling < 1e-6)) console.log("coupling", coupling, curvature, tube, hHi, defectIntegral, order);

  const path = pathLengthOfApproximant(ws, degree, hLo, hHi, tolerance, cw);
  const pathLength: Interval = {
    lo: Math.max(0, subDown(path.lo, coupling)),
    hi: addUp(path.hi, coupling),
  };
  return { defectIntegral, endMid, endRad, pathLength, pathLengthSharp: path.sharp };
}

/** Enclosure of ∫₀^h ‖p'(s)‖ ds for h ∈ [hLo, hHi]. */
function pathLengthOfApproximant(
  ws: TaylorWorkspace,
  degree: number,
  hLo: number,
  hHi: number,
  tolerance: number,
  cw: CertificateWorkspace,
): { lo: number; hi: number; sharp: boolean } {
  const { d, p } = ws;
  const { PM, PR, NM, NR, SM, SR } = cw;
  const dp = degree - 1; // degree of p'
  if (dp < 0 || hHi === 0) return { lo: 0, hi: 0, sharp: true };
  for (let a = 0; a <= dp; a++) {
    for (let j = 0; j < d; j++) {
      const [m, r] = scaleByInteger(p[(a + 1) * d + j], 0, a + 1);
      PM[a * d + j] = m;
      PR[a * d + j] = r;
    }
  }
  // N = ‖p'‖², coefficient m = Σ_j Σ_{a+b=m} P_j^[a] P_j^[b].
  const nDeg = 2 * dp;
  for (let m = 0; m <= nDeg; m++) {
    let s = 0;
    let A = 0;
    let B = 0;
    let count = 0;
    const aLo = Math.max(0, m - dp);
    const aHi = Math.min(m, dp);
    for (let a = aLo; a <= aHi; a++) {
      const b = m - a;
      for (let j = 0; j < d; j++) {
        const x = PM[a * d + j];
        const xr = PR[a * d + j];
        const y = PM[b * d + j];
        const yr = PR[b * d + j];
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
  const crude = (): { lo: number; hi: number; sharp: boolean } => {
    // ∫‖p'‖ ≤ h · Σ_a ‖P^[a]‖ h^a.
    let acc = 0;
    let hp = 1;
    for (let a = 0; a <= dp; a++) {
      acc = upCheap(acc + upCheap(normUpper(PM, PR, a * d, d) * hp));
      hp = upCheap(hp * hHi);
    }
    return { lo: 0, hi: upCheap(acc * hHi), sharp: false };
  };
  const n0Lo = subDown(NM[0], NR[0]);
  if (!(n0Lo > 0)) return crude();

  const variationN = (R: number): number => {
    let v = 0;
    let Rp = 1;
    for (let m = 1; m <= nDeg; m++) {
      Rp *= R;
      v += (Math.abs(NM[m]) + NR[m]) * Rp;
    }
    return v;
  };
  const budget = Math.max(0.1 * tolerance * Math.sqrt(NM[0]), 1e-300);
  const choice = chooseCauchyRadius(
    (c) => {
      const v = variationN(c * hHi);
      return v < 0.75 * n0Lo ? Math.sqrt(NM[0] + v) : Infinity;
    },
    budget,
    1,
    cw.maxOrder,
  );
  const R = choice.factor * hHi;
  // Rigorous check of the analyticity condition and the bound M.
  let V = 0;
  let Rp = 1;
  for (let m = 1; m <= nDeg; m++) {
    Rp = upCheap(Rp * R);
    V = upCheap(V + upCheap(upCheap(Math.abs(NM[m]) + NR[m]) * Rp));
  }
  if (!(V < n0Lo)) return crude();
  const M = sqrtUp(upCheap(addUp(NM[0], NR[0]) + V));
  const order = choice.order;
  if (process.env.LC_DEBUG) console.log("S", choice.factor, order);

  // S = √N: S^[0] = √N^[0], S^[k] = (N^[k] − Σ_{j=1}^{k−1} S^[j] S^[k−j]) / (2 S^[0]).
  const s0Lo = sqrtDown(n0Lo);
  const s0Hi = sqrtUp(addUp(NM[0], NR[0]));
  [SM[0], SR[0]] = ballFromBounds(s0Lo, s0Hi);
  const [im, ir] = ballFromBounds(divDown(0.5, s0Hi), divUp(0.5, s0Lo));
  for (let k = 1; k <= order; k++) {
    let s = k <= nDeg ? NM[k] : 0;
    let A = Math.abs(s);
    let B = k <= nDeg ? NR[k] : 0;
    for (let j = 1; j < k; j++) {
      const x = SM[j];
      const xr = SR[j];
      const y = SM[k - j];
      const yr = SR[k - j];
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
  // ∫₀^h S = Σ_k S^[k] h^{k+1}/(k+1), by Horner on the antiderivative's coefficients.
  const [hm, hr] = ballFromBounds(hLo, hHi);
  let am = 0;
  let ar = 0;
  for (let k = order; k >= 0; k--) {
    const [cm, cr] = divideByInteger(SM[k], SR[k], k + 1);
    const prod = am * hm;
    const m = prod + cm;
    ar = roundoffRadius(Math.abs(prod) + Math.abs(cm), Math.abs(am) * hr + ar * (Math.abs(hm) + hr) + cr, 2);
    am = m;
  }
  // Multiply by h.
  const prod = am * hm;
  const prodR = roundoffRadius(Math.abs(prod), Math.abs(am) * hr + ar * (Math.abs(hm) + hr), 1);
  const tail = upCheap(upCheap(M * hHi) * geometricTailUp(upCheap(hHi / R), order + 1));
  const rad = upCheap(prodR + tail);
  if (process.env.LC_DEBUG2 && !(rad < 1e-3)) console.log("path", prod, prodR, tail, M, hHi, R, order, Array.from(SM.slice(0, order + 1)).map((x) => x.toExponential(2)).join(" "), Array.from(SR.slice(0, order + 1)).map((x) => x.toExponential(2)).join(" "));
  return { lo: subDown(prod, rad), hi: addUp(prod, rad), sharp: true };
}
