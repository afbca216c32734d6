import { intervalArith } from '../src/arithmetic/interval-arith.js';
import type { Interval } from '../src/arithmetic/interval.js';
import { randomSeparableData } from '../src/domains/random-separable.js';
import { validatedGradientFlow } from '../src/trajectories/gradient-flow.js';
import { referenceGradientFlow } from '../src/trajectories/reference-integrator.js';
import { type DescentProblem, ballDescent, reluGradientDescent } from '../src/trajectories/relu-gradient-descent.js';
import { type Figure, type Section, consume } from './measure.js';
import { plainReluDescent } from './plain-relu-descent.js';

/**
 * The size grid of certified gradient descent (against plainReluDescent, a
 * plain float loop of the same iteration) and of the validated flow (against
 * the non-validated RK45 at rtol 1e−10), each ratio from runs alternated
 * with its baseline in the same process. Per point: the ratio, the
 * enclosure's relative width, and the goal (certified GD ≤ 4× plain floats
 * where m·d ≥ 640; the validated flow ≤ 10× RK45) met or missed.
 *
 * The full product (54 GD points, 36 flow points) takes hours on 2 cores;
 * by default a subset runs (gdInSubset, flowInSubset below), `--full` (or
 * `--grid full`) runs all.
 */

const GD = { n: [10, 100, 1000], d: [2, 10, 100], m: [16, 64, 256], steps: [100, 1000] };
const FLOW = { n: [10, 100, 1000], d: [2, 10, 100], T: [1e2, 1e4, 1e6, 1e8] };

/** The default subset: every size up to n = 100 at 100 GD steps and every flow horizon; n = 1000 and 1000 steps where they take seconds. */
function gdInSubset(n: number, d: number, m: number, steps: number): boolean {
  if (steps === 100) return n <= 100 || m * d <= 640;
  // n = 1000 at 1000 steps: m = 16, and m = 64 (m·d = 640, the smallest size with a goal).
  return d === 10 && m <= 64;
}
function flowInSubset(n: number, d: number, T: number): boolean {
  if (n <= 100) return d <= 10 || T <= 1e4;
  return d === 10 && T <= 1e4;
}

/** Seeded Gaussian stream for the start weights. */
function gaussian(seed: number): () => number {
  let s = seed >>> 0;
  const unit = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  return () => Math.sqrt(-2 * Math.log(unit())) * Math.cos(2 * Math.PI * unit());
}

function descentProblem(n: number, d: number, m: number, steps: number): DescentProblem {
  const data = randomSeparableData(n, d, 1);
  const g = gaussian(7);
  const W0 = Array.from({ length: m }, () => Array.from({ length: d }, () => g() / Math.sqrt(d)));
  const a = Array.from({ length: m }, (_, j) => (j % 2 === 0 ? 1 : -1));
  return { X: data.X, y: data.y, a, W0, eta: 1, steps };
}

function time(fn: () => void, repeat = 1): number {
  const t0 = performance.now();
  for (let r = 0; r < repeat; r++) fn();
  return (performance.now() - t0) / repeat;
}

/**
 * Ratio of two computations, alternated pair by pair (median of the pair
 * ratios) until `budgetMs` is spent (at least 3 pairs unless that takes
 * three budgets), after a warm-up. Cheap baselines are repeated to last ≥ 5 ms.
 */
function alternatedRatio(value: () => void, baseline: () => void, budgetMs: number): { value: number; baseline: number; ratio: number } {
  // Warm-up until both are compiled: 5 pairs, or a quarter of the budget for slow ones.
  const warm = performance.now();
  for (let i = 0; i < 5 && performance.now() - warm < budgetMs / 4; i++) {
    value();
    baseline();
  }
  const once = time(baseline);
  const repeat = Math.max(1, Math.ceil(5 / Math.max(once, 1e-3)));
  const v: number[] = [];
  const b: number[] = [];
  const start = performance.now();
  do {
    b.push(time(baseline, repeat));
    v.push(time(value));
  } while (performance.now() - start < budgetMs && v.length < 15 || (v.length < 3 && performance.now() - start < 3 * budgetMs));
  const median = (xs: number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
  return { value: median(v), baseline: median(b), ratio: median(v.map((x, i) => x / b[i])) };
}

/** Largest entry width over all iterates relative to the largest magnitude. */
function relativeWidth(data: readonly Interval[]): number {
  let width = 0;
  let largest = 0;
  for (const w of data) {
    width = Math.max(width, w.hi - w.lo);
    largest = Math.max(largest, Math.abs(w.lo), Math.abs(w.hi));
  }
  return largest > 0 ? width / largest : 0;
}

function gdPoint(n: number, d: number, m: number, steps: number): Figure {
  const p = descentProblem(n, d, m, steps);
  const X = Float64Array.from(p.X.flat());
  const y = Float64Array.from(p.y);
  const a = Float64Array.from(p.a);
  const W0 = Float64Array.from(p.W0.flat());
  const certified = reluGradientDescent(intervalArith, p);
  // The certified trajectory as typed-array boxes; making the evaluator's interval objects from them is measured apart (materialisedRatio).
  const r = alternatedRatio(
    () => consume(ballDescent(p).boxSteps),
    () => consume(plainReluDescent(X, y, a, W0, n, d, p.eta, steps)[0]),
    4000,
  );
  const goal = m * d >= 640 ? 4 : undefined;
  return {
    ...r,
    unit: 'ms',
    relativeWidth: relativeWidth(certified.iterates.data as Interval[]),
    note: `${certified.boxSteps} box steps`,
    ...(goal === undefined ? {} : { goal, met: r.ratio <= goal }),
  };
}

/** The certified trajectory including its conversion to the evaluator's interval values, at one size. */
function materialisedPoint(n: number, d: number, m: number, steps: number): Figure {
  const p = descentProblem(n, d, m, steps);
  const r = alternatedRatio(
    () => consume(reluGradientDescent(intervalArith, p).boxSteps),
    () => consume(ballDescent(p).boxSteps),
    4000,
  );
  return { ...r, unit: 'ms', note: 'reluGradientDescent (interval values) against ballDescent (typed-array boxes)' };
}

function flowPoint(n: number, d: number, T: number): Figure {
  const data = randomSeparableData(n, d, 1);
  const flow = validatedGradientFlow(data, [T]);
  const reference = referenceGradientFlow(data, [T], { rtol: 1e-10 });
  const last = flow.points[flow.points.length - 1];
  const r = alternatedRatio(
    () => consume(validatedGradientFlow(data, [T]).steps),
    () => consume(referenceGradientFlow(data, [T], { rtol: 1e-10 }).steps),
    4000,
  );
  const width = last ? Math.max(last.radius / last.norm.lo, (last.pathLength.hi - last.pathLength.lo) / last.pathLength.lo) : Infinity;
  return {
    ...r,
    unit: 'ms',
    relativeWidth: width,
    note: `${flow.steps} steps (${flow.rejectedSteps} rejected) vs ${reference.steps}${flow.complete ? '' : ', INCOMPLETE'}`,
    goal: 10,
    met: flow.complete && r.ratio <= 10,
  };
}

/** A progress line per point on stderr (the grid takes minutes). */
function progress(name: string, f: Figure): void {
  process.stderr.write(`  ${name}: ${f.ratio.toFixed(2)}×\n`);
}

function run(): Record<string, Figure> {
  const full = process.argv.includes('--full') || (process.argv.includes('--grid') && process.argv[process.argv.indexOf('--grid') + 1] === 'full');
  const figures: Record<string, Figure> = {};
  for (const steps of GD.steps)
    for (const n of GD.n)
      for (const d of GD.d)
        for (const m of GD.m) {
          if (!full && !gdInSubset(n, d, m, steps)) continue;
          const name = `grid.gd n=${n} d=${d} m=${m} steps=${steps}`;
          figures[name] = gdPoint(n, d, m, steps);
          progress(name, figures[name]);
        }
  for (const [n, d, m] of [[10, 10, 64], [100, 10, 64]]) {
    const name = `grid.gd.as-interval-values n=${n} d=${d} m=${m} steps=100`;
    figures[name] = materialisedPoint(n, d, m, 100);
    progress(name, figures[name]);
  }
  for (const n of FLOW.n)
    for (const d of FLOW.d)
      for (const T of FLOW.T) {
        if (!full && !flowInSubset(n, d, T)) continue;
        const name = `grid.flow n=${n} d=${d} T=${T.toExponential(0)}`;
        figures[name] = flowPoint(n, d, T);
        progress(name, figures[name]);
      }
  return figures;
}

export const gridSection: Section = { name: 'grid: certified GD vs a plain float loop, validated flow vs RK45', run };
