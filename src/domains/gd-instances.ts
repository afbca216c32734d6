import fc from 'fast-check';
import type { Env, Instance } from '../language/lemma.js';
import type { Arith } from '../arithmetic/arith.js';
import { fromPlain, scalar } from '../language/value.js';
import * as fast from '../models/relu-net-float.js';
import { netSample } from '../models/relu-net-sample.js';
import { type DescentProblem, floatDescent, reluGradientDescent } from '../trajectories/relu-gradient-descent.js';
import { inUnitBall } from './points.js';

/**
 * Instances of gradient descent on the notes' two-layer ReLU net: a labelled
 * data set in the unit ball, the output signs, W_0 at one of several scales,
 * and a comparison matrix Z drawn independently of the trajectory.
 */

export type DataKind = 'separable' | 'non-separable' | 'random labels';

export interface GdSetting {
  n: number;
  d: number;
  m: number;
  X: number[][];
  y: number[];
  a: number[];
  W0: number[][];
  /** How the labels were made: by a hyperplane through 0, with a point repeated under both labels, or at random. */
  data: DataKind;
  /** Entries of W_0 have magnitudes in [scale/16, scale]. */
  scale: number;
}

export const WEIGHT_SCALES: readonly number[] = [1e-4, 1e-2, 0.3, 1, 4];

const sign = fc.constantFrom(1, -1);

function dot(u: ArrayLike<number>, v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i] * v[i];
  return s;
}

/**
 * Values drawn from a seed rather than by fast-check: fast-check favours
 * special values (0, subnormals, bounds, repeats), which put preactivations
 * ⟨w_j, x_k⟩ exactly at the ReLU's kink or below the smallest double — kinks
 * the exact iteration does not decide (σ'(0)), and a trajectory in doubles
 * cannot follow. A mulberry32 stream of 53-bit uniforms avoids both; the
 * kinds of points, signs, labels and sizes still come from fast-check and shrink.
 */
export class UniformStream {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  private next32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** Uniform in [0, 1), 53 bits. */
  unit(): number {
    return ((this.next32() >>> 5) * 2 ** 26 + (this.next32() >>> 6)) / 2 ** 53;
  }
  /** Uniform in [−1, 1). */
  symmetric(): number {
    return 2 * this.unit() - 1;
  }
}

/** Where a data point lies: on the unit sphere, inside it, near 0 (radius 10^-6..10^-1), ±e_l, or 0. */
export type PointKind = 'sphere' | 'inside' | 'small' | 'axis' | 'zero';

const pointKind: fc.Arbitrary<PointKind> = fc.oneof(
  { arbitrary: fc.constant<PointKind>('sphere'), weight: 3 },
  { arbitrary: fc.constant<PointKind>('inside'), weight: 3 },
  { arbitrary: fc.constant<PointKind>('small'), weight: 1 },
  { arbitrary: fc.constant<PointKind>('axis'), weight: 1 },
  { arbitrary: fc.constant<PointKind>('zero'), weight: 1 },
);

/** Shrinks x until ‖x‖ ≤ 1 holds exactly (a few ulps at most). */
function intoUnitBall(x: number[]): number[] {
  let y = x;
  while (!inUnitBall(y)) y = y.map((v) => v * (1 - 2 ** -50));
  return y;
}

function pointOf(kind: PointKind, d: number, random: UniformStream): number[] {
  if (kind === 'zero') return Array(d).fill(0);
  if (kind === 'axis') {
    const l = Math.min(d - 1, Math.floor(random.unit() * d));
    const s = random.unit() < 0.5 ? -1 : 1;
    return Array.from({ length: d }, (_, k) => (k === l ? s : 0));
  }
  let u = Array.from({ length: d }, () => random.symmetric());
  while (u.every((v) => v === 0)) u = Array.from({ length: d }, () => random.symmetric());
  const radius = kind === 'sphere' ? 1 : kind === 'inside' ? 0.05 + 0.95 * random.unit() : 10 ** (-1 - 5 * random.unit());
  const norm = Math.hypot(...u);
  return intoUnitBall(u.map((v) => (v / norm) * radius));
}

function labelsOf(kind: DataKind, X: number[][], labels: number[], random: UniformStream): { X: number[][]; y: number[] } {
  if (kind === 'separable') {
    const normal = Array.from({ length: X[0].length }, () => random.symmetric());
    return { X, y: X.map((x) => (dot(normal, x) >= 0 ? 1 : -1)) };
  }
  if (kind === 'random labels' || X.length < 2) return { X, y: labels };
  // The same point under both labels: no classifier separates the set.
  return { X: [X[0], [...X[0]], ...X.slice(2)], y: [labels[0], -labels[0], ...labels.slice(2)] };
}

/** Some point x_k ≠ 0 activates some neuron at W_0 (clearly, in floats): the gradient is not 0 from the start. */
export function aliveAtStart(s: Pick<GdSetting, 'X' | 'W0'>): boolean {
  return s.X.some((x) => s.W0.some((w) => dot(w, x) > 1e-9 * Math.hypot(...w) * Math.hypot(...x)));
}

export function gdSetting(options: {
  points: readonly [number, number];
  dimension: readonly [number, number];
  width: readonly [number, number];
  scales?: readonly number[];
  kinds?: readonly DataKind[];
}): fc.Arbitrary<GdSetting> {
  const scales = options.scales ?? WEIGHT_SCALES;
  const kinds = options.kinds ?? (['separable', 'non-separable', 'random labels'] as const);
  const sizes = fc.record({
    n: fc.integer({ min: options.points[0], max: options.points[1] }),
    d: fc.integer({ min: options.dimension[0], max: options.dimension[1] }),
    m: fc.integer({ min: options.width[0], max: options.width[1] }),
    data: fc.constantFrom(...kinds),
    scale: fc.constantFrom(...scales),
  });
  return sizes
    .chain(({ n, d, m, data, scale }) =>
      fc.record({
        sizes: fc.constant({ n, d, m, data, scale }),
        points: fc.array(pointKind, { minLength: n, maxLength: n }),
        labels: fc.array(sign, { minLength: n, maxLength: n }),
        a: fc.array(sign, { minLength: m, maxLength: m }),
        seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      }),
    )
    .map(({ sizes: { n, d, m, data, scale }, points, labels, a, seed }) => {
      const random = new UniformStream(seed);
      const { X, y } = labelsOf(data, points.map((kind) => pointOf(kind, d, random)), labels, random);
      // W_0 entries: either sign, magnitude in [scale/16, scale].
      const W0 = Array.from({ length: m }, () => Array.from({ length: d }, () => (random.unit() < 0.5 ? -1 : 1) * scale * (1 / 16 + (15 / 16) * random.unit())));
      return { n, d, m, X, y, a, W0, data, scale };
    })
    .filter(aliveAtStart);
}

// --- the comparison matrix Z ------------------------------------------------------

export type ComparisonKind = 'near W_0' | 'near W_t' | 'far' | 'tight';

/**
 * How to draw Z for an instance whose dimensions are not known yet: a kind, a
 * size, and a seed for the entries of a direction U (uniform in [−1, 1]).
 * near W_0 / near W_t: Z = W + size·L·U, L = rms(W) + rms(W_t − W_0) (the scale
 * of the weights and of the trajectory); far: Z = size·U;
 * tight: Z = W_0 + V with V orthogonal to every ∇f(x_k; W_0) plus 10⁻³ of
 * the descent direction, so the convexity step at i = 0 is nearly an equality.
 */
export interface ComparisonRecipe {
  kind: ComparisonKind;
  size: number;
  seed: number;
}

const logUniform = (lo: number, hi: number): fc.Arbitrary<number> =>
  fc.double({ min: Math.log10(lo), max: Math.log10(hi), noNaN: true }).map((e) => 10 ** e);

export function comparisonRecipe(kinds: readonly ComparisonKind[] = ['near W_0', 'near W_t', 'far', 'tight']): fc.Arbitrary<ComparisonRecipe> {
  const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
  return fc.constantFrom(...kinds).chain((kind) =>
    fc.record({
      kind: fc.constant(kind),
      size: kind === 'far' ? logUniform(1e2, 1e6) : logUniform(1e-3, 1),
      seed,
    }),
  );
}

function uniforms(seed: number, count: number): Float64Array {
  const random = new UniformStream(seed);
  return Float64Array.from({ length: count }, () => random.symmetric());
}

function rms(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x * x;
  return Math.sqrt(s / Math.max(1, v.length));
}

/** V minus its projection on span{g_1, …} (Gram–Schmidt in floats). */
function orthogonalToAll(v: Float64Array, spanning: readonly Float64Array[]): Float64Array {
  const basis: Float64Array[] = [];
  for (const g of spanning) {
    const u = Float64Array.from(g);
    for (const b of basis) {
      const c = dot(b, u);
      for (let e = 0; e < u.length; e++) u[e] -= c * b[e];
    }
    const norm = Math.sqrt(dot(u, u));
    if (norm > 1e-12) basis.push(u.map((x) => x / norm));
  }
  const out = Float64Array.from(v);
  // Twice, for a residual at rounding level.
  for (let pass = 0; pass < 2; pass++) {
    for (const b of basis) {
      const c = dot(b, out);
      for (let e = 0; e < out.length; e++) out[e] -= c * b[e];
    }
  }
  return out;
}

function toRows(flat: Float64Array, m: number, d: number): number[][] {
  return Array.from({ length: m }, (_, j) => Array.from(flat.subarray(j * d, (j + 1) * d)));
}

/**
 * Z as an exact double matrix, from the recipe and the float trajectory
 * (only for 'near W_t'): every arithmetic then checks the same Z.
 */
export function resolveComparison(setting: GdSetting, recipe: ComparisonRecipe, floatIterates: readonly Float64Array[]): number[][] {
  const { m, d } = setting;
  const U = uniforms(recipe.seed, m * d);
  const W0 = floatIterates[0];
  const Z = new Float64Array(m * d);
  if (recipe.kind === 'far') {
    for (let e = 0; e < Z.length; e++) Z[e] = recipe.size * U[e];
  } else if (recipe.kind === 'near W_0' || recipe.kind === 'near W_t') {
    const Wt = floatIterates[floatIterates.length - 1];
    const W = recipe.kind === 'near W_0' ? W0 : Wt;
    const r = recipe.size * (rms(W) + rms(Wt.map((w, e) => w - W0[e])));
    for (let e = 0; e < Z.length; e++) Z[e] = W[e] + r * U[e];
  } else {
    const s = netSample(setting.X.flat(), setting.n, d, setting.y, setting.a);
    const P = fast.preactivations(W0, s);
    const directions = setting.X.map((_, k) => fast.gradientAt(P, k, s));
    const V = orthogonalToAll(U, directions);
    const G = fast.riskGradient(W0, s);
    const [rmsV, rmsG] = [rms(V), rms(G)];
    const scaleV = rmsV > 0 ? (recipe.size * rms(W0)) / rmsV : 0;
    const scaleG = rmsG > 0 ? (1e-3 * recipe.size * rms(W0)) / rmsG : 0;
    for (let e = 0; e < Z.length; e++) Z[e] = W0[e] + scaleV * V[e] - scaleG * G[e];
  }
  return toRows(Z, m, d);
}

export interface ResolvedInstance {
  /** Z as exact doubles. */
  Z: number[][];
  /** The horizon actually checked: t, or the first iterate where the net is dead (see below). */
  horizon: number;
  /** The float iterates W_0 … W_horizon. */
  floatIterates: Float64Array[];
}

export function descentProblem(setting: GdSetting, eta: number, steps: number): DescentProblem {
  return { X: setting.X, y: setting.y, a: setting.a, W0: setting.W0, eta, steps };
}

/** Whether some x_k ≠ 0 clearly activates some neuron of W (row-major m × d), in floats. */
function alive(W: Float64Array, setting: GdSetting): boolean {
  const rows = toRows(W, setting.m, setting.d);
  return aliveAtStart({ X: setting.X, W0: rows });
}

/**
 * The float trajectory and Z of an instance. A net that is dead (no ReLU
 * active on any x_k ≠ 0) has ∇R̂ = 0 and stays where it is; there every
 * second-term line compares 0 with 0 computed along different routes, which
 * no enclosure can decide. The horizon stops at the first dead iterate, so
 * every iterate i < horizon is alive; the reports count the cut iterates.
 */
export function resolveInstance(setting: GdSetting, eta: number, t: number, recipe: ComparisonRecipe): ResolvedInstance {
  const all = floatDescent(descentProblem(setting, eta, t));
  let horizon = t;
  for (let i = 1; i <= t; i++) {
    if (!alive(all[i], setting)) {
      horizon = i;
      break;
    }
  }
  const floatIterates = all.slice(0, horizon + 1);
  return { Z: resolveComparison(setting, recipe, floatIterates), horizon, floatIterates };
}

/** Float trajectory and Z per instance, computed once and shared by every arithmetic. */
const resolved = new WeakMap<Instance, ResolvedInstance>();

function resolveOnce(instance: Instance): ResolvedInstance {
  let r = resolved.get(instance);
  if (!r) {
    r = resolveInstance(instance.setting as GdSetting, instance.eta as number, instance.t as number, instance.Z as ComparisonRecipe);
    resolved.set(instance, r);
  }
  return r;
}

/**
 * Setup for instances { setting, eta, t, Z }: the trajectory W_0 … W_t in the
 * given arithmetic (certified enclosures in interval arithmetics), the data,
 * Z and η as exact values, the sizes as integers, and the trajectory's widths
 * as facts.
 */
export function gradientDescentSetup<T>(instance: Instance, A: Arith<T>): Env<T> {
  const setting = instance.setting as GdSetting;
  const { Z, horizon: steps } = resolveOnce(instance);
  const trajectory = reluGradientDescent(A, descentProblem(setting, instance.eta as number, steps));
  const env: Env<T> = {
    values: {
      W: trajectory.iterates,
      Z: fromPlain(A, Z, 'Z'),
      X: fromPlain(A, setting.X, 'X'),
      y: fromPlain(A, setting.y, 'y'),
      a: fromPlain(A, setting.a, 'a'),
      eta: scalar(A.num(instance.eta as number)),
    },
    ints: { n: setting.n, d: setting.d, m: setting.m, t: steps },
  };
  // Facts are reported from the float-interval trajectory (decimal iterates are computed only as read).
  if (A.kind !== 'interval') return env;
  let largest = 0;
  for (const w of trajectory.iterates.data) largest = Math.max(largest, Math.abs(A.lo(w)), Math.abs(A.hi(w)));
  env.facts = {
    'largest enclosure width': trajectory.maxWidth,
    'largest relative width': largest > 0 ? trajectory.maxWidth / largest : 0,
    "box steps (σ' straddled)": trajectory.boxSteps,
    'iterates cut after the net died': (instance.t as number) - steps,
  };
  return env;
}

/**
 * Step sizes in (0, max]: max itself (a quarter of the draws), else
 * max·10^(−6k/1000) for an integer k in 1..6000, log-uniform over six decades.
 * (Drawn through an integer: fast-check's doubles crowd the ends of their
 * range, which would make almost every step size max or max·10^−6.)
 */
export function descentStepSize(max: number): fc.Arbitrary<number> {
  const below = fc.integer({ min: 1, max: 6000 }).map((k) => max * 10 ** (-k / 1000));
  return fc.oneof({ arbitrary: fc.constant(max), weight: 1 }, { arbitrary: below, weight: 3 });
}

/** Horizons t of the trajectory. */
export function horizon(max: number, min = 1): fc.Arbitrary<number> {
  return fc.integer({ min, max });
}
