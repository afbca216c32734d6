import type { Arith } from '../arithmetic/arith.js';
import { addUp, subDown, subUp } from '../arithmetic/rounding.js';
import type { Env, Hypothesis, Instance, Setup } from '../language/lemma.js';
import { intervalOf, plainSetup } from '../language/lemma.js';
import type { Value } from '../language/value.js';
import { type ExactFace, exactMinNormFace, exactMinNormFaceOf } from '../trajectories/exact-min-norm-face.js';
import { certifiedMaxMargin } from '../trajectories/max-margin.js';
import { validatedGradientFlow, type FlowPoint, type FlowState, type GradientFlowResult } from '../trajectories/gradient-flow.js';
import { datasetKey, exactSignedEntries, hasDecimals, signedPoints, type Dataset } from './dataset.js';
import { decimalDataFlow, decimalDataFlowAt } from './decimal-flow.js';
import { integerMatrix } from './exact-entry.js';
import { fromPlain } from '../language/value.js';

/**
 * Setups for the margin lemmas: the certified max margin γ̄ and direction ū
 * of a data set, and the validated gradient flow w(t) of 𝓛(w) = Σ_i e^{−y_i⟨w, x_i⟩}
 * from w(0) = 0, bound as values in any arithmetic via A.range(lo, hi).
 * The enclosures are computed once in float intervals; decimal levels then
 * evaluate the proof's formulas at higher precision around them (sound,
 * and the enclosures' own width stays visible in every verdict).
 *
 * Bound names: gammaBar (γ̄), ubar (ū, a box around the certified ball),
 * and for the flow: w (w(t)), w0 (w(0) = 0), pathLength (∫₀ᵗ‖ẇ(s)‖ds), t.
 */

export interface MaxMarginEnclosure {
  gamma: { lo: number; hi: number };
  relativeWidth: number;
  /** A box around ū (each coordinate), and the radius of the certified ball it came from. */
  direction: [number, number][];
  radius: number;
}

export class NotSeparableError extends Error {
  override name = 'NotSeparableError';
}

const CACHE_SIZE = 512;

/** The value under `key`, computed on a miss; the oldest entry goes once `size` are kept. */
function cached<V>(cache: Map<string, V>, key: string, compute: () => V, size = CACHE_SIZE): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  if (cache.size >= size) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

const maxMargins = new Map<string, MaxMarginEnclosure>();
const flows = new Map<string, FlowPoint>();

/** The certified γ̄ and ū of a data set; throws NotSeparableError when separability cannot be certified. */
export function maxMarginOf(data: Dataset): MaxMarginEnclosure {
  return cached(maxMargins, datasetKey(data), () => {
    const result = certifiedMaxMargin(data);
    if (result.kind === 'non-separable') throw new NotSeparableError('the data are not linearly separable (certified: 0 is a convex combination of the y_i x_i)');
    if (result.kind === 'undetermined') throw new NotSeparableError(`the max margin could not be certified: ${result.reason}`);
    const { center, radius } = result.direction;
    const ball: MaxMarginEnclosure = {
      gamma: result.gamma,
      relativeWidth: result.relativeWidth,
      direction: center.map((c) => [subDown(c, radius), addUp(c, radius)]),
      radius,
    };
    if (result.method === 'exact-face') return ball;
    const exact = hasDecimals(data) ? integerMatrix(exactSignedEntries(data)) : null;
    const face = (support: readonly number[]): ExactFace | null => (exact ? exactMinNormFaceOf(exact, support) : exactMinNormFace(signedPoints(data), support));
    return exactFaceNearSupport(signedPoints(data), result.support, result.weights, face) ?? ball;
  });
}

/**
 * When the engine's exact face certificate fails on Wolfe's support, the face is usually
 * near-degenerate: a point j with ⟨z_j, v⟩ = ‖v‖² up to rounding belongs to it. Retry the exact
 * certificate (exactMinNormFace, which checks optimality on every point) with such points added.
 */
function exactFaceNearSupport(points: number[][], support: readonly number[], weights: readonly number[], exactFace: (support: readonly number[]) => ExactFace | null): MaxMarginEnclosure | null {
  const d = points[0].length;
  const v = points[0].map((_, j) => support.reduce((acc, k, s) => acc + weights[s] * points[k][j], 0));
  const normSq = v.reduce((a, x) => a + x * x, 0);
  const same = (a: readonly number[], b: readonly number[]): boolean => a.every((x, j) => x === b[j]);
  const near: number[] = [];
  points.forEach((z, j) => {
    if (support.includes(j) || [...support, ...near].some((k) => same(points[k], z))) return;
    if (z.reduce((a, x, k) => a + x * v[k], 0) <= normSq * (1 + 1e-6)) near.push(j);
  });
  const candidates = [...near.map((j) => [...support, j]), [...support, ...near]].filter((s) => s.length <= d);
  for (const candidate of candidates) {
    const face = exactFace(candidate);
    if (face === null) continue;
    const width = subUp(face.gamma[1], face.gamma[0]);
    const radius = Math.max(...face.direction.map(([lo, hi]) => subUp(hi, lo)));
    return { gamma: { lo: face.gamma[0], hi: face.gamma[1] }, relativeWidth: width / face.gamma[0], direction: face.direction, radius };
  }
  return null;
}

/** One validated run over many times that flowAt answers from while withFlowRun's body runs. */
let scopedRun: { data: string; points: Map<number, FlowPoint> } | null = null;

/**
 * Integrates the flow once through every given time (sorted) and, while `body` runs, lets flowAt
 * answer those times from this run instead of one integration from 0 per time: a grid over
 * decades of t costs one long flow. The run's own points are the same certified enclosures (on
 * decimal data, widened as flowAt's are: decimal-flow.ts).
 */
export function withFlowRun<R>(data: Dataset, times: readonly number[], body: (run: GradientFlowResult) => R, options: { maxSteps?: number } = {}): R {
  const run = flowRun(data, times, options);
  const outer = scopedRun;
  scopedRun = { data: datasetKey(data), points: new Map(run.points.map((p) => [p.t, p])) };
  try {
    return body(run);
  } finally {
    scopedRun = outer;
  }
}

/**
 * The run through `times`, kept for the next callers with the same data, times and step limit: the
 * rate steps of a lemma check the same grid of t on the same data (Lemma 10.1 has three), and the
 * run is a pure function of those, so one integration serves them all.
 */
function flowRun(data: Dataset, times: readonly number[], options: { maxSteps?: number }): GradientFlowResult {
  const key = `${datasetKey(data)} ${options.maxSteps ?? ''} ${times.join(',')}`;
  return cached(runs, key, () => (hasDecimals(data) ? decimalDataFlow(data, times, options) : validatedGradientFlow(data, times, options)), RUNS_KEPT);
}
/** Whole runs are larger than single points: a few suffice (the rate steps of one lemma on one data set). */
const RUNS_KEPT = 4;
const runs = new Map<string, GradientFlowResult>();

/** The validated flow at time t (certified enclosures of w(t), 𝓛, ‖w‖, ‖ẇ‖, ∫‖ẇ‖); on decimal data, widened by the data's offset from their doubles (decimal-flow.ts). */
export function flowAt(data: Dataset, t: number): FlowPoint {
  const scoped = scopedRun?.points.get(t);
  if (scoped && scopedRun!.data === datasetKey(data)) return scoped;
  const key = datasetKey(data);
  return cached(flows, `${key} ${t}`, () => (hasDecimals(data) ? decimalDataFlowAt(data, t, (s) => checkpointedFlowAt(data, key, s)) : checkpointedFlowAt(data, key, t).point));
}

/**
 * Every run of flowAt passes the times 2^k (k ≥ FIRST_CHECKPOINT) below its t and saves the solver's
 * state there, so a later time resumes from the last checkpoint below it instead of integrating
 * from 0 (a region scan asks for many times). The steps depend only on t, not on what was asked
 * before: flowAt(t) is the run from 0 through those checkpoints to t.
 */
const FIRST_CHECKPOINT = -20;
/** Per data set: the solver's state and the enclosures at each checkpoint 2^k saved so far. */
const checkpoints = new Map<string, { states: FlowState[]; points: FlowPoint[] }>();

/** The flow at t, and its enclosures at the checkpoints below t (decimal data accumulate a bound over them). */
function checkpointedFlowAt(data: Dataset, key: string, t: number): { point: FlowPoint; before: readonly FlowPoint[] } {
  let k = Math.ceil(Math.log2(t)) - 1;
  while (2 ** (k + 1) < t) k++;
  while (k >= FIRST_CHECKPOINT && 2 ** k >= t) k--;
  const saved = cached(checkpoints, key, () => ({ states: [] as FlowState[], points: [] as FlowPoint[] }));
  const wanted = k - FIRST_CHECKPOINT + 1;
  if (saved.states.length < wanted) {
    const times = Array.from({ length: wanted - saved.states.length }, (_, j) => 2 ** (FIRST_CHECKPOINT + saved.states.length + j));
    const run = validatedGradientFlow(data, times, { states: true, ...(saved.states.length ? { from: saved.states[saved.states.length - 1] } : {}) });
    if (!run.complete || run.states!.length !== times.length) throw new Error(`the validated gradient flow did not reach t = ${t}`);
    saved.states.push(...run.states!);
    saved.points.push(...run.points);
  }
  const result = validatedGradientFlow(data, [t], wanted > 0 ? { from: saved.states[wanted - 1] } : {});
  if (!result.complete || result.points.length !== 1) throw new Error(`the validated gradient flow did not reach t = ${t}`);
  return { point: result.points[0], before: saved.points.slice(0, Math.max(0, wanted)) };
}

const vector = <T>(data: T[]): Value<T> => ({ shape: [data.length], data });
const scalarValue = <T>(x: T): Value<T> => ({ shape: [], data: [x] });

/** γ̄ and ū as values: ū's box contains the certified ball around it. */
export function bindMaxMargin<T>(A: Arith<T>, enclosure: MaxMarginEnclosure, env: Env<T>, names = { gammaBar: 'gammaBar', ubar: 'ubar' }): void {
  env.values[names.gammaBar] = scalarValue(A.range(enclosure.gamma.lo, enclosure.gamma.hi));
  env.values[names.ubar] = vector(enclosure.direction.map(([lo, hi]) => A.range(lo, hi)));
  env.facts = {
    ...env.facts,
    gammaBarLo: enclosure.gamma.lo,
    gammaBarHi: enclosure.gamma.hi,
    gammaBarRelativeWidth: enclosure.relativeWidth,
    ubarRadius: enclosure.radius,
  };
}

function datasetOf(instance: Record<string, unknown>): Dataset {
  return { X: instance.X as number[][], y: instance.y as number[] };
}

/**
 * plainSetup plus γ̄ and ū of the data set in the object hypothesis `field`
 * (which holds X and y).
 */
export function maxMarginSetup(hypotheses: Record<string, Hypothesis>, field: string): Setup {
  const plain = plainSetup(hypotheses);
  return <T>(instance: Instance, A: Arith<T>): Env<T> => {
    const env = plain(instance, A);
    bindMaxMargin(A, maxMarginOf(datasetOf(instance[field] as Record<string, unknown>)), env);
    return env;
  };
}

/**
 * For an instance { [field]: { X, y, n, d, t } }: the data (X, y exact, n and
 * d integers), t, γ̄, ū, and the certified flow at t: w (w(t)), w0 (= 0),
 * pathLength (∫₀ᵗ‖ẇ(s)‖ds). Facts: the γ̄ enclosure and the flow's radius
 * (absolute, and relative to ‖w(t)‖).
 */
export function flowSetup(field: string): Setup {
  return <T>(instance: Instance, A: Arith<T>): Env<T> => {
    const part = instance[field] as { X: number[][]; y: number[]; n: number; d: number; t: number };
    const data = datasetOf(part);
    const maxMargin = maxMarginOf(data);
    const env: Env<T> = { values: {}, ints: { n: part.n, d: part.d } };
    env.values.X = fromPlain(A, part.X, 'X'); // a user's decimals exactly (decimal-rows.ts)
    env.values.y = vector(part.y.map((v) => A.num(v)));
    bindMaxMargin(A, maxMargin, env);
    env.values.w0 = vector(part.X[0].map(() => A.num(0)));
    const range = intervalOf(part.t);
    if (range) {
      bindFlowOver(A, env, data, range[0], range[1]);
      return env;
    }
    env.values.t = scalarValue(A.num(part.t));
    const flow = flowAt(data, part.t);
    env.values.w = vector(flow.w.map((x) => A.range(x.lo, x.hi)));
    env.values.pathLength = scalarValue(A.range(flow.pathLength.lo, flow.pathLength.hi));
    env.facts = { ...env.facts, flowRadius: flow.radius, flowRelativeRadius: flow.norm.lo > 0 ? flow.radius / flow.norm.lo : Infinity };
    return env;
  };
}

/**
 * The flow over a whole time interval t ∈ [a, b] (for certified region scans): for every s in it,
 * ‖w(s) − w(a)‖ ≤ ∫ₐˢ‖ẇ‖ ≤ P(b) − P(a) with P the path length (non-decreasing), and likewise from w(b);
 * so w(s) lies in both balls (their boxes are intersected), and P(s) in [P(a), P(b)].
 */
function bindFlowOver<T>(A: Arith<T>, env: Env<T>, data: Dataset, a: number, b: number): void {
  const start = flowAt(data, a);
  const end = flowAt(data, b);
  const travel = Math.max(0, subUp(end.pathLength.hi, start.pathLength.lo));
  const fromStart = addUp(start.radius, travel);
  const fromEnd = addUp(end.radius, travel);
  env.values.t = scalarValue(A.range(a, b));
  env.values.w = vector(
    start.center.map((c, j) => {
      const lo = Math.max(subDown(c, fromStart), subDown(end.center[j], fromEnd));
      const hi = Math.min(addUp(c, fromStart), addUp(end.center[j], fromEnd));
      if (lo > hi) throw new Error("the flow's enclosures at both ends of a time interval do not meet");
      return A.range(lo, hi);
    }),
  );
  env.values.pathLength = scalarValue(A.range(start.pathLength.lo, end.pathLength.hi));
  env.facts = { ...env.facts, flowRadius: Math.max(fromStart, fromEnd) };
}
