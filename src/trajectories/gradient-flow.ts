import { exp } from '../arithmetic/elementary.js';
import { type Interval, add, interval, mul, neg, point, sqr, sqrt } from '../arithmetic/interval.js';
import { addDown, addUp, nextUp, subDown, subUp, upCheap } from '../arithmetic/rounding.js';
import { type Dataset, dimension, sampleCount, signedPointMatrix } from '../models/dataset.js';
import { normUpper, pointNormLower, pointNormUpper, roundoffRadius } from './ball-arithmetic.js';
import {
  type TaylorWorkspace,
  coefficientNorm,
  flowTaylorCoefficients,
  rescaleCoefficients,
  taylorWorkspace,
} from './exponential-flow-taylor.js';
import { PathLengthEnclosure } from './path-length-enclosure.js';
import { type FlowData, type StepCertificate, certificateWorkspace, certifyStep } from './flow-step-certificate.js';

/**
 * Validated gradient flow ẇ = −∇L(w), L(w) = Σ_i exp(−⟨z_i, w⟩), w(0) = w0.
 *
 * Method: an approximate solution ŵ, piecewise polynomial (Taylor steps in
 * floats), and a rigorous bound of its defect δ = ŵ' + ∇L(ŵ) on every step
 * (flow-step-certificate.ts). Since L is convex, the flow is non-expansive and
 * ‖w(t) − ŵ(t)‖ ≤ Σ_steps ∫‖δ‖ + Σ jumps, where a jump is the rounding of the
 * step's end point to doubles. So the exact flow lies in the ball of radius
 * r(t) around ŵ(t) for all t; the radius never grows through the dynamics,
 * only by the certified defects. The path length ∫‖ẇ‖ is enclosed from an
 * analytic expansion of ‖ŵ'‖ on each step (see the certificate) and a bound
 * of ∫‖∇L(w) − ∇L(ŵ)‖ over the whole run (path-length-enclosure.ts).
 *
 * Step sizes follow the Taylor coefficients, which scale like the time
 * itself on the slow regime (the flow slows like 1/t), so a run from 1e−6 to
 * 1e6 takes a bounded number of steps (about 240 for n = 50, d = 10). Once
 * the flow has numerically stopped (non-separable data at a minimizer) a
 * constant approximant takes steps of the size of t; its certified defect is
 * h‖∇L(ŵ)‖, i.e. the rounding level of ∇L, so the radius then grows like
 * n·u·Σ_i‖z_i‖e_i·t.
 * Explicit Taylor steps share the stability limit of explicit Runge–Kutta
 * methods on stiff flows (where some of the e_i stay of order 1).
 */

export interface GradientFlowOptions {
  /** Start point (default 0). */
  w0?: readonly number[];
  /**
   * Target of ∫‖δ‖ per step relative to its arc length, or to ‖ŵ‖ per doubling
   * of t when the flow has nearly stopped (default 1e−13). Only steers the
   * step sizes; the radius is certified whatever it is.
   */
  tolerance?: number;
  /** Taylor degree of the approximant (default 12). */
  degree?: number;
  /** Give up after this many accepted steps (default 1e6); the result is then marked incomplete. */
  maxSteps?: number;
  /** Continue a run from a state it saved (`states`) instead of from w0 at t = 0: the same steps as the run that saved it. */
  from?: FlowState;
  /** Save the solver's state at every requested time (result.states), to resume from. */
  states?: boolean;
}

/** Everything the solver carries between steps, at one requested time (resumable). */
export interface FlowState {
  readonly t: number;
  readonly center: Float64Array;
  readonly radius: number;
  readonly path: PathLengthEnclosure;
  readonly steps: number;
  readonly rejected: number;
  readonly sharp: boolean;
  readonly lastH: number;
}

/** Certified enclosures at one requested time t. */
export interface FlowPoint {
  t: number;
  /** The approximant ŵ(t) and a radius r with ‖w(t) − ŵ(t)‖₂ ≤ r. */
  center: number[];
  radius: number;
  /** Box enclosure of w(t) (center ± radius, outward). */
  w: Interval[];
  /** L(w(t)), ‖w(t)‖, ‖ẇ(t)‖ = ‖∇L(w(t))‖ and ∫₀ᵗ‖ẇ(s)‖ds. */
  risk: Interval;
  norm: Interval;
  speed: Interval;
  pathLength: Interval;
}

export interface GradientFlowResult {
  points: FlowPoint[];
  /** Accepted and rejected (shrunk) steps. */
  steps: number;
  rejectedSteps: number;
  /** False when maxSteps ran out before the last requested time. */
  complete: boolean;
  /** False when some step had to use a crude (wide) path-length bound. */
  pathLengthSharp: boolean;
  /** With options.states: the solver's state at each point. */
  states?: FlowState[];
}

function flowData(data: Dataset): FlowData {
  const n = sampleCount(data);
  const d = dimension(data);
  const Z = signedPointMatrix(data);
  const zNormUp = new Float64Array(n);
  const zNormSqUp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = Z.subarray(i * d, (i + 1) * d);
    zNormUp[i] = pointNormUpper(row);
    zNormSqUp[i] = upCheap(zNormUp[i] * zNormUp[i]);
  }
  const ZT = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) ZT[j * n + i] = Z[i * d + j];
  return { Z, ZT, n, d, zNormUp, zNormSqUp };
}

function checkTimes(times: readonly number[], start: number): void {
  let last = start;
  for (const t of times) {
    if (!(Number.isFinite(t) && t >= 0)) throw new RangeError(`validatedGradientFlow: time ${t} is not a finite t ≥ 0`);
    if (t < last) throw new RangeError('validatedGradientFlow: times must be non-decreasing (and not before a resumed state)');
    last = t;
  }
}

/** Enclosures of L(w), ‖w‖, ‖∇L(w)‖ for every w with ‖w − c‖ ≤ r. */
function enclosuresAt(F: FlowData, c: Float64Array, r: number): { risk: Interval; norm: Interval; speed: Interval } {
  const { Z, n, d, zNormUp } = F;
  let risk: Interval = point(0);
  const velocity: Interval[] = Array.from({ length: d }, () => point(0));
  for (let i = 0; i < n; i++) {
    // ⟨z_i, w⟩ ∈ ⟨z_i, c⟩ ± ‖z_i‖ r.
    let s = 0;
    let A = 0;
    for (let j = 0; j < d; j++) {
      const t = Z[i * d + j] * c[j];
      s += t;
      A += Math.abs(t);
    }
    const spread = upCheap(roundoffRadius(A, 0, d) + upCheap(zNormUp[i] * r));
    const e = exp(neg(interval(subDown(s, spread), addUp(s, spread))));
    risk = add(risk, e);
    for (let j = 0; j < d; j++) velocity[j] = add(velocity[j], mul(e, point(Z[i * d + j])));
  }
  let speedSq: Interval = point(0);
  for (const v of velocity) speedSq = add(speedSq, sqr(v));
  const normLo = Math.max(0, subDown(pointNormLower(c), r));
  const normHi = addUp(pointNormUpper(c), r);
  return { risk, norm: interval(normLo, normHi), speed: sqrt(speedSq) };
}

/** Bounds hLo ≤ tNew − t ≤ hHi of the exact step length. */
function stepBounds(t: number, tNew: number): [number, number] {
  return [Math.max(0, subDown(tNew, t)), subUp(tNew, t)];
}

export function validatedGradientFlow(
  data: Dataset,
  times: readonly number[],
  options: GradientFlowOptions = {},
): GradientFlowResult {
  checkTimes(times, options.from?.t ?? 0);
  const F = flowData(data);
  const { n, d } = F;
  const tolerance = options.tolerance ?? 1e-13;
  const degree = options.degree ?? 12;
  const maxSteps = options.maxSteps ?? 1_000_000;
  const w0 = options.w0 ?? new Array<number>(d).fill(0);
  if (w0.length !== d) throw new RangeError(`validatedGradientFlow: w0 has length ${w0.length}, expected ${d}`);
  if (!w0.every(Number.isFinite)) throw new RangeError('validatedGradientFlow: w0 must be finite');

  const ws = taylorWorkspace(n, d, degree + 1);
  const cw = certificateWorkspace(n, d, degree, 4 * degree + 40);
  const from = options.from;
  if (from && from.center.length !== d) throw new RangeError(`validatedGradientFlow: resumed state has dimension ${from.center.length}, expected ${d}`);
  let center: Float64Array = Float64Array.from(from ? from.center : w0);
  let radius = from ? from.radius : 0;
  const path = from ? from.path.copy() : new PathLengthEnclosure(0);
  let t = from ? from.t : 0;
  let steps = from ? from.steps : 0;
  let rejected = from ? from.rejected : 0;
  let sharp = from ? from.sharp : true;
  let lastH = from ? from.lastH : initialTimeScale(F, center);
  const points: FlowPoint[] = [];
  const states: FlowState[] = [];
  let complete = true;

  for (const target of times) {
    while (t < target) {
      if (steps >= maxSteps || !(radius < Infinity)) {
        complete = false;
        break;
      }
      // Coefficients at a provisional time scale, then the step from their decay.
      const size = pointNormUpper(center);
      const { speed, gross, roundoffRate } = velocityScales(F, center);
      // Once the flow has (numerically) stopped, a constant approximant with a long step.
      if (t > 0) {
        const h = Math.min(target - t, Math.max(2 * t, 4 * lastH));
        const tNew = h >= target - t ? target : t + h;
        const [hLo, hHi] = stepBounds(t, tNew);
        const goal = goalOfStep(tolerance, 0, size, gross, roundoffRate, t, hHi);
        if (speed * hHi <= 0.25 * goal) {
          const cert = certifyStep(F, center, 0, hLo, hHi, radius, goal, cw);
          if (accepted(cert, goal)) {
            const jump = jumpNorm(cert.endRad);
            path.add(cert, radius, hHi, jump);
            radius = upCheap(upCheap(radius + cert.defectIntegral) + jump);
            lastH = tNew - t;
            t = tNew;
            steps++;
            continue;
          }
        }
      }
      let tau = Math.min(lastH, target - t);
      let theta = 1;
      // Defect target per unit time: ε · (‖ŵ‖ + τ·gross) per elapsed time t (see goalOfStep).
      for (let pass = 0; pass < 4; pass++) {
        flowTaylorCoefficients(F.Z, center, degree, tau, ws);
        const absolute = (tolerance * (size + tau * gross) * tau) / Math.max(t, tau);
        theta = stepRatio(ws, degree, Math.max(tolerance * coefficientNorm(ws, 1), absolute, 2 * roundoffRate * tau));
        if (theta >= 1e-3 && theta <= 1e3) break;
        if (theta > 1e3 && tau >= target - t) break; // the step can reach the target
        // Recompute at a scale nearer the step, so that the coefficients neither over- nor underflow.
        const next = Math.min(Math.max(tau * theta, tau * 1e-30), tau * 1e30, target - t);
        if (!(next > 0 && next < Infinity)) break;
        tau = next;
      }
      const h = Math.min(tau * Math.min(theta, 4), 4 * lastH, target - t);
      let tNew = h >= target - t ? target : t + h;
      if (!(tNew > t)) tNew = Math.min(target, nextUp(t)); // h below the spacing of doubles at t
      let scale = tau;
      for (let attempt = 0; ; attempt++) {
        const [hLo, hHi] = stepBounds(t, tNew);
        const hs = tNew - t;
        rescaleCoefficients(ws, degree, hs / scale);
        scale = hs;
        const goal = goalOfStep(tolerance, coefficientNorm(ws, 1), size, gross, roundoffRate, t, hHi);
        const cert = certifyStep(F, ws.p, degree, hLo, hHi, radius, goal, cw);
        // A crude path length is fine when it is narrow anyway (e.g. once the flow has stopped).
        const pathOk = cert.pathLengthSharp || cert.approximantPathWidth <= 16 * goal;
        // Shrink a few times for accuracy, and as often as it takes when the bound overflowed.
        const canShrink = (attempt < 8 || (!(cert.defectIntegral < Infinity) && attempt < 200)) && t + (tNew - t) / 2 > t;
        if (canShrink && (!accepted(cert, goal) || (!pathOk && attempt < 4))) {
          tNew = t + (tNew - t) / 2;
          rejected++;
          continue;
        }
        sharp &&= pathOk;
        const jump = jumpNorm(cert.endRad);
        path.add(cert, radius, hHi, jump);
        radius = upCheap(upCheap(radius + cert.defectIntegral) + jump);
        center = cert.endMid;
        lastH = tNew - t;
        t = tNew;
        steps++;
        break;
      }
    }
    if (t < target) break;
    const at = enclosuresAt(F, center, radius);
    points.push({
      t: target,
      center: Array.from(center),
      radius,
      w: Array.from(center, (c) => interval(subDown(c, radius), addUp(c, radius))),
      risk: at.risk,
      norm: at.norm,
      speed: at.speed,
      pathLength: path.enclosure(),
    });
    if (options.states) states.push({ t, center: Float64Array.from(center), radius, path: path.copy(), steps, rejected, sharp, lastH });
  }
  if (points.length < times.length) complete = false;
  return { points, steps, rejectedSteps: rejected, complete, pathLengthSharp: sharp, ...(options.states ? { states } : {}) };
}

/**
 * A step is accepted when its certified defect is near the goal, or when it is
 * mostly the certificate's own rounding (which a shorter step only divides
 * between more steps): then shrinking cannot gain more than a factor 4.
 */
function accepted(cert: StepCertificate, goal: number): boolean {
  return cert.defectIntegral <= Math.max(16 * goal, 4 * cert.roundoff);
}

/** ‖endRad‖₂ upper bound: the distance from the rounded end point to the exact p(h). */
function jumpNorm(rad: Float64Array): number {
  return normUpper(new Float64Array(rad.length), rad, 0, rad.length);
}

/**
 * Step ratio θ for coefficients at the current scale: the truncated terms,
 * about ‖p_k‖θ^k for the last two orders, against a defect target goal·θ
 * (goal for θ = 1).
 */
function stepRatio(ws: TaylorWorkspace, degree: number, goal: number): number {
  if (!(goal > 0)) return Infinity;
  let theta = Infinity;
  for (const k of [degree - 1, degree]) {
    if (k < 2) continue;
    const c = coefficientNorm(ws, k);
    if (c > 0) theta = Math.min(theta, 0.9 * Math.pow(goal / c, 1 / (k - 1)));
  }
  return theta;
}

/**
 * Target of ∫‖δ‖ over a step (steering only): ε times the arc length of the
 * step, or ε(‖ŵ‖ + h Σ_i‖z_i‖e_i) per elapsed time t, whichever is larger, and
 * never below twice the certificate's rounding floor (roundoffRate per unit
 * time, see velocityScales), which no step size can undercut. The second form
 * lets steps grow once the flow has (nearly) stopped, e.g. at a minimizer of
 * non-separable data; the radius then grows by ε‖w‖ per doubling of t.
 */
function goalOfStep(tolerance: number, arc: number, size: number, gross: number, roundoffRate: number, t: number, h: number): number {
  const elapsed = t > 0 ? Math.min(1, h / t) : 0;
  return Math.max(tolerance * arc, tolerance * (size + h * gross) * elapsed, 2 * roundoffRate * h, 1e-300);
}

/**
 * Float estimates (steering only): the speed ‖∇L(w)‖, the gross speed
 * Σ_i ‖z_i‖ exp(−⟨z_i, w⟩) the flow would have without cancellations, and
 * the rounding floor of the step certificate per unit time. The floor mirrors
 * the radii certifyStep carries at order 0 (the leading one): Zᵀ E sums n
 * products (γ_n ≈ 1.1nu of Σ_i|z_i|e_i), and each e_i = exp(−⟨z_i, w⟩) is
 * enclosed from a d-term dot product (γ_d Σ_j|z_ij w_j|, times e_i), so the
 * floor grows with n, d and ‖w‖. A defect target below it cannot be met by
 * any step size.
 */
function velocityScales(F: FlowData, w: Float64Array): { speed: number; gross: number; roundoffRate: number } {
  const { Z, n, d, zNormUp } = F;
  const v = new Float64Array(d);
  let gross = 0;
  let rounding = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    let A = 0;
    for (let j = 0; j < d; j++) {
      const t = Z[i * d + j] * w[j];
      s += t;
      A += Math.abs(t);
    }
    const e = Math.exp(-s);
    for (let j = 0; j < d; j++) v[j] += Z[i * d + j] * e;
    gross += zNormUp[i] * e;
    rounding += zNormUp[i] * e * (1.1 * d * A + 2);
  }
  let speed = 0;
  for (let j = 0; j < d; j++) speed += v[j] * v[j];
  speed = Math.sqrt(speed);
  const u = 2 ** -53;
  return { speed, gross, roundoffRate: u * (1.1 * n * gross + rounding + 4.4 * speed) };
}

/** Time for some ⟨z_i, w⟩ to change by about 1 at the start: 1 / (‖ẇ(0)‖ max‖z_i‖). */
function initialTimeScale(F: FlowData, w: Float64Array): number {
  const { Z, n, d } = F;
  const v = new Float64Array(d);
  let zMax = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += Z[i * d + j] * w[j];
    const e = Math.exp(-s);
    for (let j = 0; j < d; j++) v[j] += Z[i * d + j] * e;
    zMax = Math.max(zMax, F.zNormUp[i]);
  }
  const speed = Math.hypot(...v);
  const scale = 1 / (speed * zMax);
  return scale > 0 && scale < Infinity ? scale : 1;
}
