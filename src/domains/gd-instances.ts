import fc from 'fast-check';
import { floatNetArrays } from '../models/net-arrays-float.js';
import { reluNetModel } from '../models/relu-net-model.js';
import { netSample } from '../models/relu-net-sample.js';
import { inUnitBall } from './points.js';
import { UniformStream } from './uniform-stream.js';

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

/** Some point x_k ≠ 0 clearly activates some neuron of W (rows w_j), in floats: ∇R̂(W) ≠ 0. */
export function someNeuronActive(X: readonly (readonly number[])[], W: readonly (readonly number[])[]): boolean {
  return X.some((x) => W.some((w) => dot(w, x) > 1e-9 * Math.hypot(...w) * Math.hypot(...x)));
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
    .filter((s) => someNeuronActive(s.X, s.W0));
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

export function toRows(flat: Float64Array, m: number, d: number): number[][] {
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
    const net = reluNetModel(floatNetArrays(s));
    const P = net.preactivations(W0);
    const directions = setting.X.map((_, k) => net.pointGradient(P, k));
    const V = orthogonalToAll(U, directions);
    const G = net.riskGradient(P);
    const [rmsV, rmsG] = [rms(V), rms(G)];
    const scaleV = rmsV > 0 ? (recipe.size * rms(W0)) / rmsV : 0;
    const scaleG = rmsG > 0 ? (1e-3 * recipe.size * rms(W0)) / rmsG : 0;
    for (let e = 0; e < Z.length; e++) Z[e] = W0[e] + scaleV * V[e] - scaleG * G[e];
  }
  return toRows(Z, m, d);
}

/** Horizons t of the trajectory. */
export function horizon(max: number, min = 1): fc.Arbitrary<number> {
  return fc.integer({ min, max });
}
