import type { Arith } from '../arithmetic/arith.js';
import { floatArith } from '../arithmetic/float-arith.js';
import { intervalArith } from '../arithmetic/interval-arith.js';
import { type Interval, point } from '../arithmetic/interval.js';
import { normPoint, normSquaredPoint, subtractScaled } from '../arithmetic/kernels.js';
import * as rounding from '../arithmetic/rounding.js';
import type { Value } from '../language/value.js';
import { floatNetArrays } from '../models/net-arrays-float.js';
import { type GenericSample, genericNetArrays } from '../models/net-arrays-generic.js';
import { type Box, intervalNetArrays } from '../models/net-arrays-interval.js';
import { reluNetModel } from '../models/relu-net-model.js';
import { type NetSample, netSample, pointOf } from '../models/relu-net-sample.js';
import { lazyIterates } from './lazy-iterates.js';
import { ballStep, ballStepData } from './relu-descent-ball-step.js';

// Module-local copies: imported bindings may be accessed through getters in hot loops.
const { downCheap, mulUp, subUp, upCheap } = rounding;

/**
 * Gradient descent W_{i+1} = W_i − η ∇R̂(W_i) on the notes' two-layer ReLU net
 * (first layer trained, logistic loss), from an exact W_0, in any arithmetic.
 *
 * Float intervals carry each iterate as a ball: a double centre c_i and a
 * Frobenius radius ρ_i with ‖W_i − c_i‖_F ≤ ρ_i for the exact iterate W_i.
 * While no preactivation ⟨w_j, x_k⟩ (x_k ≠ 0) can change sign over the ball,
 * R̂ is smooth on it with Hessian H = (1/n) Σ_k ℓ''(z_k) v_k v_kᵀ, v_k = y_k ∇f(x_k; W)
 * fixed, so 0 ⪯ H ⪯ (1/4) max_k ‖x_k‖² I (ℓ'' ≤ 1/4, ‖v_k‖ ≤ ‖x_k‖). By the mean
 * value theorem, W_{i+1} = [c_i − η∇R̂(c_i)] + (I − ηH̄)(W_i − c_i) with
 * ‖I − ηH̄‖₂ ≤ 1 when η max_k ‖x_k‖² ≤ 8, so the radius grows only by the
 * rounding of one certified step at the point c_i: linearly in t, where
 * propagating boxes would grow geometrically (the wrapping effect).
 * The step at c_i is the plain float loop with an a-priori error bound
 * (relu-descent-ball-step.ts). Where a preactivation may cross 0 over the
 * ball, or η is too large, the box step from the ball's box is taken
 * (σ' = [0, 1] where its argument straddles 0).
 *
 * Other certified arithmetics (decimal intervals) propagate boxes directly:
 * their precision absorbs the growth at the horizons used here. Plain floats
 * run the plain iteration.
 */
export interface DescentProblem {
  /** Points x_k (rows), labels y_k, output signs a_j, start W_0 (m × d), step η, number of steps t. */
  readonly X: readonly (readonly number[])[];
  readonly y: readonly number[];
  readonly a: readonly number[];
  readonly W0: readonly (readonly number[])[];
  readonly eta: number;
  readonly steps: number;
}

export interface DescentTrajectory<T> {
  /** W_0 … W_t: shape [t + 1, m, d]. */
  readonly iterates: Value<T>;
  /** Largest width of an entry's enclosure over all iterates (0 in floats). */
  readonly maxWidth: number;
  /** Steps taken over a whole box because the activation pattern could not be fixed. */
  readonly boxSteps: number;
}

function sampleOf(p: DescentProblem): NetSample {
  const d = p.W0[0]?.length ?? 0;
  for (const x of p.X) if (x.length !== d) throw new RangeError('gradient descent: points and weights differ in dimension');
  return netSample(p.X.flat(), p.X.length, d, p.y, p.a);
}

function checkProblem(p: DescentProblem): void {
  if (!Number.isInteger(p.steps) || p.steps < 0) throw new RangeError(`gradient descent: ${p.steps} steps`);
  if (!(p.eta > 0) || !Number.isFinite(p.eta)) throw new RangeError(`gradient descent: step size ${p.eta}`);
  if (p.a.length !== p.W0.length) throw new RangeError('gradient descent: one sign a_j per row of W_0');
}

/** The plain float iterates W_0 … W_t (row-major m × d each). */
export function floatDescent(p: DescentProblem): Float64Array[] {
  checkProblem(p);
  const net = reluNetModel(floatNetArrays(sampleOf(p)));
  let W = Float64Array.from(p.W0.flat());
  const out = [W];
  for (let i = 0; i < p.steps; i++) {
    const G = net.riskGradient(net.preactivations(W));
    const next = new Float64Array(W.length);
    for (let e = 0; e < W.length; e++) next[e] = W[e] - p.eta * G[e];
    out.push((W = next));
  }
  return out;
}

/** Certified iterates as typed-array boxes (the evaluator's interval values are made from them). */
export interface BallTrajectory {
  boxes: Box[];
  maxWidth: number;
  boxSteps: number;
}

/** Frobenius radius (rounded up) of a box around a given centre. */
function radiusAround(b: Box, centre: Float64Array): number {
  const rad = new Float64Array(centre.length);
  for (let e = 0; e < centre.length; e++) rad[e] = Math.max(subUp(b.hi[e], centre[e]), subUp(centre[e], b.lo[e]), 0);
  return normPoint(rad).hi;
}

function midpoints(b: Box): Float64Array {
  const c = new Float64Array(b.lo.length);
  for (let e = 0; e < c.length; e++) c[e] = b.lo[e] / 2 + b.hi[e] / 2;
  return c;
}

/**
 * Balls while the activation pattern is fixed over them (relu-descent-ball-step.ts:
 * the plain float step with an a-priori error bound, no wrapping effect), and
 * the box step B − η∇R̂(B) from the ball's box where it is not (σ' = [0, 1]
 * where its argument straddles 0); the ball after a box step is the box's
 * circumscribed ball. Each iterate is reported as its ball's box.
 */
export function ballDescent(p: DescentProblem): BallTrajectory {
  checkProblem(p);
  const s = sampleOf(p);
  const eta: Interval = point(p.eta);
  const xNormUp = new Float64Array(s.n);
  let maxNormSq = 0;
  for (let k = 0; k < s.n; k++) {
    const x = pointOf(s, k);
    xNormUp[k] = normPoint(x).hi;
    maxNormSq = Math.max(maxNormSq, normSquaredPoint(x).hi);
  }
  const contractive = mulUp(p.eta, maxNormSq) <= 8;
  const stepData = ballStepData(s, xNormUp);
  const net = reluNetModel(intervalNetArrays(s));
  let centre: Float64Array = Float64Array.from(p.W0.flat());
  let radius = 0;
  let box: Box = { lo: centre, hi: centre };
  const boxes: Box[] = [box];
  let maxWidth = 0;
  let boxSteps = 0;
  for (let i = 0; i < p.steps; i++) {
    const ball = contractive ? ballStep(stepData, centre, radius, p.eta) : null;
    if (ball) {
      centre = ball.centre;
      radius = ball.radius;
      const lo = new Float64Array(centre.length);
      const hi = new Float64Array(centre.length);
      let widest = 0;
      for (let e = 0; e < centre.length; e++) {
        lo[e] = downCheap(centre[e] - radius);
        hi[e] = upCheap(centre[e] + radius);
        widest = Math.max(widest, hi[e] - lo[e]);
      }
      maxWidth = Math.max(maxWidth, upCheap(widest));
      box = { lo, hi };
    } else {
      box = subtractScaled(box, eta, net.riskGradient(net.preactivations(box)));
      boxSteps++;
      for (let e = 0; e < box.lo.length; e++) maxWidth = Math.max(maxWidth, subUp(box.hi[e], box.lo[e]));
      centre = midpoints(box);
      radius = radiusAround(box, centre);
    }
    boxes.push(box);
  }
  return { boxes, maxWidth, boxSteps };
}

/**
 * Boxes propagated step to step (the wrapping effect grows them
 * geometrically; decimal precision absorbs it). The iterates are computed
 * when first read (see lazy-iterates.ts), so a refinement that needs W_0 … W_i
 * costs i steps; maxWidth reads them all.
 */
export function boxDescent<T>(A: Arith<T>, p: DescentProblem): DescentTrajectory<T> {
  const m = p.W0.length;
  const d = p.W0[0]?.length ?? 0;
  const sample: GenericSample<T> = {
    n: p.X.length,
    m,
    d,
    X: p.X.flat().map((v) => A.num(v)),
    y: p.y.map((v) => A.num(v)),
    a: p.a.map((v) => A.num(v)),
  };
  const eta = A.num(p.eta);
  const net = reluNetModel(genericNetArrays(A, sample));
  const step = (W: readonly T[]): T[] => {
    const G = net.riskGradient(net.preactivations(W as T[]));
    return W.map((w, e) => A.sub(w, A.mul(eta, G[e])));
  };
  const data = lazyIterates(p.steps + 1, m * d, p.W0.flat().map((v) => A.num(v)), step);
  return {
    iterates: { shape: [p.steps + 1, m, d], data },
    get maxWidth() {
      let widest = 0;
      for (const w of data) widest = Math.max(widest, A.width(w));
      return widest;
    },
    boxSteps: 0,
  };
}

/** Certified enclosures of the exact iterates W_0 … W_t (plain iterates for floats). */
export function reluGradientDescent<T>(A: Arith<T>, p: DescentProblem): DescentTrajectory<T> {
  checkProblem(p);
  const m = p.W0.length;
  const d = p.W0[0]?.length ?? 0;
  const shape = [p.steps + 1, m, d];
  if (A === (floatArith as unknown)) {
    const data: number[] = [];
    for (const W of floatDescent(p)) for (const w of W) data.push(w);
    return { iterates: { shape, data: data as T[] }, maxWidth: 0, boxSteps: 0 };
  }
  if (A === (intervalArith as unknown) && p.y.every((v) => v === 1 || v === -1) && p.a.every((v) => v === 1 || v === -1)) {
    const ball = ballDescent(p);
    const data: Interval[] = [];
    for (const b of ball.boxes) for (let e = 0; e < b.lo.length; e++) data.push({ lo: b.lo[e], hi: b.hi[e] });
    return { iterates: { shape, data: data as T[] }, maxWidth: ball.maxWidth, boxSteps: ball.boxSteps };
  }
  return boxDescent(A, p);
}
