import type { DatasetLimits } from '../checker/dataset-limits.js';
import fc from 'fast-check';
import { intervalArith as I } from '../arithmetic/interval-arith.js';
import { inUnitBall } from './points.js';
import { positiveReal } from './scalars.js';
import { UnsuitableDatasetError } from '../models/dataset.js';
import { exactRow } from '../language/decimal-rows.js';
import { certifiedMaxMargin } from '../trajectories/max-margin.js';

/**
 * Linearly separable data sets with max_i ‖x_i‖ ≤ 1 (decided exactly), for
 * the margin lemmas. Separability holds by construction (one point, x and
 * −x, signed axes) or is certified when a general set is generated:
 * min_i y_i⟨u, x_i⟩ > 0 for the generating direction u, in interval
 * arithmetic; candidates that cannot be certified are dropped.
 */

export interface SeparableData {
  X: number[][];
  y: number[];
  n: number;
  d: number;
}

export interface SeparableOptions {
  n: [number, number];
  d: [number, number];
  /** Decimal exponents of the generating margin γ₀ = 10^−s, s ∈ [0, smallestMarginDecades]. */
  smallestMarginDecades?: number;
}

/** Whether min_i y_i⟨u, x_i⟩ > 0 is certified. */
export function certifiedSeparatedBy(X: readonly (readonly number[])[], y: readonly number[], u: readonly number[]): boolean {
  return X.every((x, i) => I.dot(x.map((v) => I.num(y[i] * v)), u.map((v) => I.num(v))).lo > 0);
}

/** Scales x into the closed unit ball (exactly), shrinking by ulps until the exact test passes. */
function intoUnitBall(x: number[]): number[] {
  const norm = Math.hypot(...x);
  let y = norm > 1 ? x.map((v) => v / norm) : x.slice();
  for (let k = 0; !inUnitBall(y); k++) y = y.map((v) => v * (1 - 2 ** -52 * 2 ** k));
  return y;
}

const unitDirection = (d: number): fc.Arbitrary<number[]> =>
  fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: d - 1 }).map((j) => Array.from({ length: d }, (_, k) => (k === j ? 1 : 0))), weight: 1 },
    {
      arbitrary: fc
        .array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d, maxLength: d })
        .filter((v) => Math.hypot(...v) > 1e-3)
        .map((v) => {
          const s = Math.hypot(...v);
          return v.map((x) => x / s);
        }),
      weight: 3,
    },
  );

const label = fc.constantFrom(1, -1);

/**
 * A point of the closed unit ball with a bounded dynamic range: on the
 * sphere, or at radius 10^−s (s ∈ [0, 6]), coordinates below 10^−6 of the
 * largest set to 0, or ±e_j. (unitBallPoint also reaches radii and
 * coordinates of 10^−300, where e^{−m} for the resulting margins leaves every
 * precision the tool has.)
 */
export function ballPoint(d: number): fc.Arbitrary<number[]> {
  const direction = fc
    .array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d, maxLength: d })
    .map((v) => {
      const top = Math.max(...v.map(Math.abs));
      return v.map((x) => (Math.abs(x) < 1e-6 * top ? 0 : x));
    })
    .filter((v) => v.some((x) => x !== 0));
  const radius = fc.oneof(fc.constant(1), fc.double({ min: 0, max: 6, noNaN: true }).map((s) => 10 ** -s));
  const axis = fc.tuple(fc.integer({ min: 0, max: d - 1 }), fc.boolean()).map(([j, neg]) => Array.from({ length: d }, (_, k) => (k === j ? (neg ? -1 : 1) : 0)));
  const scaled = fc.tuple(direction, radius).map(([v, r]) => {
    const norm = Math.hypot(...v);
    return intoUnitBall(v.map((x) => (x / norm) * r));
  });
  return fc.oneof({ arbitrary: scaled, weight: 4 }, { arbitrary: axis, weight: 1 });
}

/** One point x ≠ 0 anywhere in the ball (on the sphere often), any label. */
function onePoint(d: number): fc.Arbitrary<SeparableData> {
  return fc
    .tuple(ballPoint(d), label)
    .map(([x, y]) => ({ X: [x], y: [y], n: 1, d }));
}

/** x and −x with labels +1 and −1: the same z twice. */
function symmetricPair(d: number): fc.Arbitrary<SeparableData> {
  return ballPoint(d).map((x) => ({ X: [x, x.map((v) => -v)], y: [1, -1], n: 2, d }));
}

/** Signed coordinate vectors ±e_j on the sphere, labelled so that they are separable. */
function axisPoints(d: number, n: [number, number]): fc.Arbitrary<SeparableData> {
  return fc
    .tuple(fc.array(fc.integer({ min: 0, max: d - 1 }), { minLength: n[0], maxLength: n[1] }), fc.array(fc.boolean(), { minLength: d, maxLength: d }), fc.array(label, { minLength: n[1], maxLength: n[1] }))
    .map(([axes, flips, labels]) => {
      const X = axes.map((j, i) => Array.from({ length: d }, (_, k) => (k === j ? (flips[j] ? -1 : 1) * labels[i] : 0)));
      return { X, y: axes.map((_, i) => labels[i]), n: axes.length, d };
    });
}

/**
 * Points with margin at least γ₀ along a direction u: x = ε(a·u + b·p),
 * y = ε, with a ∈ [γ₀, 1] (one point at a = γ₀), p ⊥ u, and b up to the
 * sphere; then duplicates, sometimes.
 */
function generalSet(d: number, n: [number, number], decades: number): fc.Arbitrary<SeparableData> {
  const gamma0 = fc.noBias(fc.integer({ min: 0, max: 1000 * decades })).map((k) => 10 ** (-k / 1000));
  // Unbiased fractions (fast-check favours 0 and the ends, which would put every point on the margin).
  const fraction = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((k) => k / 1_000_000);
  const point = fc.tuple(label, fraction, fc.array(fraction.map((f) => 2 * f - 1), { minLength: d, maxLength: d }), fc.oneof(fc.constant(1), fraction));
  return fc
    .tuple(unitDirection(d), gamma0, fc.array(point, { minLength: n[0], maxLength: n[1] }), fc.array(fc.nat(), { maxLength: 2 }))
    .map(([u, g0, specs, duplicates]) => {
      const X: number[][] = [];
      const y: number[] = [];
      specs.forEach(([eps, s, raw, reach], i) => {
        const a = i === 0 ? g0 : g0 + (1 - g0) * s;
        // p: raw minus its component along u, normalised (0 when d = 1).
        const along = raw.reduce((acc, v, k) => acc + v * u[k], 0);
        const perp = raw.map((v, k) => v - along * u[k]);
        const pn = Math.hypot(...perp);
        const b = pn > 1e-9 ? Math.sqrt(Math.max(0, 1 - a * a)) * reach : 0;
        // Coordinates below 10^−12 are set to 0: cancellation leaves subnormal dust, not data.
        const x = u.map((uk, k) => eps * (a * uk + (pn > 1e-9 ? (b * perp[k]) / pn : 0)));
        X.push(intoUnitBall(x.map((v) => (Math.abs(v) < 1e-12 ? 0 : v))));
        y.push(eps);
      });
      for (const k of duplicates) {
        const j = k % X.length;
        X.push(X[j].slice());
        y.push(y[j]);
      }
      return { X, y, n: X.length, d, u };
    })
    .filter(({ X, y, u }) => certifiedSeparatedBy(X, y, u))
    .map(({ X, y, n, d }) => ({ X, y, n, d }));
}

/** A linearly separable data set with ‖x_i‖ ≤ 1: one point, two symmetric points, axis points, or a general set (margins 1 … 10^−decades, duplicates). */
export function separableData(options: SeparableOptions): fc.Arbitrary<SeparableData> {
  const decades = options.smallestMarginDecades ?? 4;
  return fc.integer({ min: options.d[0], max: options.d[1] }).chain((d) =>
    fc.oneof(
      { arbitrary: onePoint(d), weight: 2 },
      { arbitrary: symmetricPair(d), weight: 1 },
      { arbitrary: axisPoints(d, [Math.max(1, options.n[0]), Math.max(1, Math.min(options.n[1], 2 * d))]), weight: 1 },
      { arbitrary: generalSet(d, [Math.max(1, options.n[0]), options.n[1]], decades), weight: 5 },
    ),
  );
}

/** A time t > 0, log-uniform over 10^minExponent … 10^(maxExponent+1); shrinks toward the smallest. */
export function flowTime(minExponent = -6, maxExponent = 5): fc.Arbitrary<number> {
  return positiveReal({ minExponent, maxExponent, boundaries: [1] });
}

/**
 * A separable data set and a time t at which its gradient flow is inspected: t log-uniform over
 * 10^lo … 10^(hi+1), or (one time in three) on the data's own scale, 2ntγ̄² = κ with κ log-uniform
 * in 10^−1 … 10^2 or just above 1/e, where the notes' bounds change sign or leave their domain
 * (clamped to the same range).
 */
export function separableDataAtTime(options: SeparableOptions & { time?: [number, number] }): fc.Arbitrary<SeparableData & { t: number }> {
  return separableData(options).chain((data) => timeFor(data, options.time).map((t) => ({ ...data, t })));
}

/** Times for one data set, as in separableDataAtTime. */
export function timeFor(data: SeparableData, [lo, hi]: [number, number] = [-6, 5]): fc.Arbitrary<number> {
  const result = certifiedMaxMargin(data);
  const gamma = result.kind === 'separable' ? result.gamma.lo : 1;
  const kappa = fc.oneof(
    { arbitrary: fc.noBias(fc.integer({ min: -1000, max: 2000 })).map((k) => 10 ** (k / 1000)), weight: 2 },
    // Just above κ = 1/e, where log(1 + log κ) leaves its domain.
    { arbitrary: fc.noBias(fc.integer({ min: 0, max: 6000 })).map((k) => Math.exp(-1) * (1 + 10 ** (-k / 1000))), weight: 1 },
  );
  const onScale = kappa.map((k) => Math.min(10 ** (hi + 1), Math.max(10 ** lo, k / (2 * data.n * gamma * gamma))));
  return fc.oneof({ arbitrary: flowTime(lo, hi), weight: 2 }, { arbitrary: onScale, weight: 1 });
}

/** Weights of the linear model or of the net: any direction, magnitudes log-uniform over 10^−3 … 10^2 (never 0). */
export function weightVector(length: number): fc.Arbitrary<number[]> {
  return fc
    .tuple(ballPoint(length), fc.double({ min: -3, max: 2, noNaN: true }))
    .map(([v, s]) => {
      const norm = Math.hypot(...v);
      return v.map((x) => (x / norm) * 10 ** s);
    })
    .filter((v) => v.some((x) => x !== 0 && Number.isFinite(x)));
}

/** Certified Σ_i exp(−m_i) < 1 for margins enclosed in [lo_i, hi_i]. */
function riskBelowOne(margins: readonly { lo: number; hi: number }[]): boolean {
  return I.sum(margins.map((m) => I.expLoss(I.range(m.lo, m.hi)))).hi < 1;
}

const riskSlack = fc.double({ min: -6, max: 1, noNaN: true }).map((s) => 10 ** s);

/**
 * Prop. 10.1's hypothesis for the linear model: separable data and ŵ with
 * 𝓛(ŵ) < ℓ(0) = 1 (certified). ŵ = κ·v for a separating direction v (from
 * the generating direction, perturbed), κ = (log n + δ)/min_i y_i⟨v, x_i⟩,
 * so 𝓛(ŵ) ≤ e^−δ, δ from 10^−6 (barely below 1) to 10.
 */
export function separableDataWithLowRisk(options: SeparableOptions): fc.Arbitrary<SeparableData & { w: number[] }> {
  return separableData(options).chain(withLowRiskWeights);
}

/** ŵ with certified 𝓛(ŵ) < 1 for a given separable data set (see separableDataWithLowRisk). */
export function withLowRiskWeights(data: SeparableData): fc.Arbitrary<SeparableData & { w: number[] }> {
  return fc
    .tuple(riskSlack, fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }), fc.constantFrom(0, 1e-3, 0.1))
    .map(([delta, noise, spread]) => {
      const direction = separatingDirection(data).map((v, j) => v + spread * noise[j % noise.length]);
      const margins = data.X.map((x, i) => I.dot(exactRow(I, x, data.y[i]), direction.map((v) => I.num(v))));
      const smallest = Math.min(...margins.map((m) => m.lo));
      if (!(smallest > 0)) return null;
      const kappa = (Math.log(data.n) + delta) / smallest;
      const w = direction.map((v) => v * kappa);
      if (!w.every(Number.isFinite)) return null;
      const exact = data.X.map((x, i) => I.dot(exactRow(I, x, data.y[i]), w.map((v) => I.num(v)))); // a user's decimals exactly
      return riskBelowOne(exact) ? { ...data, w } : null;
    })
    .filter((x): x is SeparableData & { w: number[] } => x !== null);
}

/**
 * The net (a, W) = ((1, −1), (ŵ; −ŵ)) computes f(x) = σ(⟨ŵ, x⟩) − σ(−⟨ŵ, x⟩) = ⟨ŵ, x⟩: linearly
 * separable data with 𝓛(ŵ) < 1 are m⃗-separable for the net with the same risk.
 */
export function netFromLinear(data: SeparableData & { w: number[] }): NetInstance {
  return { X: data.X, y: data.y, n: data.n, d: data.d, m: 2, a: [1, -1], W: [data.w.slice(), data.w.map((v) => -v)] };
}

/** A random net (both layers trained) on a given data set. */
export function netOn(data: SeparableData, width: [number, number]): fc.Arbitrary<NetInstance> {
  return fc.integer({ min: width[0], max: width[1] }).chain((m) =>
    weightVector(m * (data.d + 1)).map((theta) => ({
      ...data,
      m,
      a: theta.slice(0, m),
      W: Array.from({ length: m }, (_, j) => theta.slice(m + j * data.d, m + (j + 1) * data.d)),
    })),
  );
}

/**
 * A user's data set as SeparableData (n and d from its shape). Throws
 * UnsuitableDatasetError unless separability is certified: the margin lemmas
 * need γ̄ > 0, so on other data they are not run (rather than erring at every instance).
 */
export function asSeparableData(data: { X: number[][]; y: number[] }): SeparableData {
  const result = certifiedMaxMargin(data);
  if (result.kind === 'non-separable') throw new UnsuitableDatasetError('linearly separable data', 'the data are not linearly separable (certified: 0 is a convex combination of the y_i x_i)');
  if (result.kind === 'undetermined') throw new UnsuitableDatasetError('linearly separable data', `linear separability could not be certified: ${result.reason}`);
  return { X: data.X, y: data.y, n: data.X.length, d: data.X[0]?.length ?? 0 };
}

/** The (approximate) max-margin direction: it separates whenever the data are separable. */
function separatingDirection(data: SeparableData): number[] {
  const result = certifiedMaxMargin(data);
  if (result.kind !== 'separable') throw new Error('the data are not linearly separable (or separability could not be certified)');
  return result.direction.center;
}

export interface NetInstance {
  X: number[][];
  y: number[];
  n: number;
  d: number;
  m: number;
  a: number[];
  W: number[][];
}

/** f(x; (a, W)) = Σ_j a_j σ(⟨w_j, x⟩) in intervals. */
function netOutputEnclosure(a: readonly number[], W: readonly (readonly number[])[], x: readonly number[]): { lo: number; hi: number } {
  const xs = x.map((v) => I.num(v));
  return I.sum(W.map((row, j) => I.mul(I.num(a[j]), I.relu(I.dot(row.map((v) => I.num(v)), xs)))));
}

/** A two-layer ReLU net (both layers trained) of width m on points ‖x‖ ≤ 1 with any labels. */
export function netAndData(options: { n: [number, number]; d: [number, number]; m: [number, number] }): fc.Arbitrary<NetInstance> {
  return fc
    .tuple(fc.integer({ min: options.d[0], max: options.d[1] }), fc.integer({ min: options.m[0], max: options.m[1] }))
    .chain(([d, m]) =>
      fc.record({
        X: fc.array(ballPoint(d), { minLength: options.n[0], maxLength: options.n[1] }),
        labels: fc.array(label, { minLength: options.n[1], maxLength: options.n[1] }),
        theta: weightVector(m * (d + 1)),
      }).map(({ X, labels, theta }) => ({
        X,
        y: X.map((_, i) => labels[i]),
        n: X.length,
        d,
        m,
        a: theta.slice(0, m),
        W: Array.from({ length: m }, (_, j) => theta.slice(m + j * d, m + (j + 1) * d)),
      })),
    );
}

/**
 * Prop. 10.1's hypothesis for the net: labels y_i = sign f(x_i; θ) (points
 * where the sign is not certified are dropped), then θ̂ = κθ with
 * 𝓛(θ̂) ≤ e^−δ < 1 (certified): m⃗-separable data, not necessarily linearly.
 */
export function netSeparatedDataWithLowRisk(options: { n: [number, number]; d: [number, number]; m: [number, number] }): fc.Arbitrary<NetInstance> {
  return fc
    .tuple(netAndData(options), riskSlack)
    .map(([net, delta]) => {
      const outputs = net.X.map((x) => netOutputEnclosure(net.a, net.W, x));
      const keep = outputs.map((f) => f.lo > 0 || f.hi < 0);
      const X = net.X.filter((_, i) => keep[i]);
      if (X.length === 0) return null;
      const margins = outputs.filter((_, i) => keep[i]).map((f) => (f.lo > 0 ? f.lo : -f.hi));
      const kappa = Math.sqrt((Math.log(X.length) + delta) / Math.min(...margins));
      const a = net.a.map((v) => v * kappa);
      const W = net.W.map((row) => row.map((v) => v * kappa));
      if (!(a.every(Number.isFinite) && W.every((row) => row.every(Number.isFinite)))) return null;
      const y: number[] = outputs.filter((_, i) => keep[i]).map((f) => (f.lo > 0 ? 1 : -1));
      const exact = X.map((x, i) => {
        const f = netOutputEnclosure(a, W, x);
        return y[i] > 0 ? f : { lo: -f.hi, hi: -f.lo };
      });
      if (!riskBelowOne(exact)) return null;
      return { ...net, X, y, n: X.length, a, W };
    })
    .filter((x): x is NetInstance => x !== null);
}

/** A net's fields under names that do not clash with the linear model's data (both live in one instance). */
export const netFields = (s: NetInstance) => ({ netX: s.X, netY: s.y, netN: s.n, netD: s.d, m: s.m, a: s.a, W: s.W });

/** Separable data with a weight vector w ≠ 0 for the linear model. */
export const withWeights = (data: SeparableData) => weightVector(data.d).map((w) => ({ ...data, w }));

/** The linear model and the 2-homogeneous ReLU net, each on its own data: the hypotheses of the margin definitions. */
export const modelHypotheses = {
  linear: {
    arbitrary: separableData({ n: [1, 6], d: [1, 4] }).chain(withWeights),
    domain: 'linear model: n ∈ 1..6 points ‖x_i‖ ≤ 1, d ∈ 1..4, separable (one point, symmetric pairs, axis points, margins 1..10^−4, duplicates); w ≠ 0 any direction, ‖w‖ log-uniform in 10^−3..10^2',
    integers: ['n', 'd'],
  },
  net: {
    arbitrary: netAndData({ n: [1, 6], d: [1, 3], m: [1, 4] }).map(netFields),
    domain: 'two-layer ReLU net f(x; a, W) = Σ_j a_j σ(⟨w_j, x⟩) (2-homogeneous), m ∈ 1..4, d ∈ 1..3, n ∈ 1..6 points ‖x_i‖ ≤ 1 with any labels, ‖(a, W)‖ log-uniform in 10^−3..10^2',
    integers: ['netN', 'netD', 'm'],
  },
};

/** A user's data set for the margin definitions: random weights w for the linear model and a random net (a, W) on the same data. */
export function modelsOn(dataset: { X: number[][]; y: number[] }) {
  const data = asSeparableData(dataset);
  return fc.tuple(withWeights(data), netOn(data, [1, 4]).map(netFields)).map(([linear, net]) => ({ linear, net }));
}

/** The gradient flow of the linear model at a time t: the hypothesis of Lemma 10.1 and Theorem 10.1. */
export const flowHypothesis = {
  arbitrary: separableDataAtTime({ n: [1, 6], d: [1, 4] }),
  domain: 'separable data, n ∈ 1..6 points ‖x_i‖ ≤ 1, d ∈ 1..4 (one point, symmetric pairs, axis points, margins 1..10^−4, duplicates); t > 0 log-uniform in 10^−6..10^6; w(t) the certified gradient flow from w(0) = 0',
  integers: ['n', 'd'],
};

/** A user's data set for the flow lemmas: times as for generated sets (log-uniform, and on the data's scale 2ntγ̄²). */
/**
 * What the flow lemmas afford on a user's data set (measured: one instance on 200 random points costs
 * 15–20 s of CPU, most of it the flow and its scan along t).
 */
export const flowDatasetLimits: DatasetLimits = {
  maxPoints: 500,
  pointInstances: 1000,
  why: 'each instance integrates the validated gradient flow over all the points to t up to 10^6 and scans t; data of many points have a small margin, so the flow is stiff and its steps grow in number and in cost with n',
};

export const flowOn = (dataset: { X: number[][]; y: number[] }) => timeFor(asSeparableData(dataset)).map((t) => ({ flow: { ...asSeparableData(dataset), t } }));
