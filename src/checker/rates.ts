import type { Arith } from '../arithmetic/arith.js';
import { DomainError } from '../arithmetic/domain-error.js';
import type { Instance, Lemma } from '../language/lemma.js';
import { print } from '../language/print.js';
import type { RateStep } from '../language/rate.js';
import type { Dataset } from '../models/dataset.js';
import { withFlowRun } from '../models/flow-setup.js';
import { compare } from './compare.js';
import { InstanceContext, ladder, type Level } from './instance-context.js';
import { withInterval } from './regions.js';
import { outward, withParameter } from './series.js';
import type { RateDecadeReport, RateExampleReport, RateRatios, SeriesPoint, StepReport, StepSeries, Verdict } from './report.js';

/**
 * Rate steps (rate.ts): an asymptotic remark checked along one long validated flow per data set.
 * The decades [10^k, 10^(k+1)] are cut into cells, log-spaced; every cell is evaluated once with t
 * ranging over the whole cell (the flow setup encloses w(s) for every s in it from both ends'
 * certificates and the path length, as region scans do), and every cell edge once at its exact t.
 * One integration through all the edges serves every evaluation (withFlowRun).
 */

/** outside: the step's `where` (the bound's own precondition) is not certified on the cell, which is skipped. */
type CellVerdict = RateDecadeReport['verdict'];

/** Accepted steps one rate flow may take (a stiff flow on a large data set stops there, and says so). */
const RATE_FLOW_STEPS = 20_000;

interface Sides<T> {
  quantity: T;
  stated: T;
  observed: T;
  bound: T;
}

interface CellResult<T> {
  verdict: CellVerdict;
  viaTolerance: boolean;
  sides?: Sides<T>;
  message?: string;
}

/** Decade edges of 10^k: exact powers of ten at the ends, log-spaced in between. */
export function decadeGrid(k: number, cells: number): number[] {
  return Array.from({ length: cells + 1 }, (_, j) => (j === 0 ? Number(`1e${k}`) : j === cells ? Number(`1e${k + 1}`) : 10 ** (k + j / cells)));
}

function datasetAt(instance: Instance, parameter: string): Dataset {
  let node: unknown = instance;
  for (const key of parameter.split('.').slice(0, -1)) node = (node as Record<string, unknown>)[key];
  const part = node as { X?: number[][]; y?: number[] };
  if (!Array.isArray(part?.X) || !Array.isArray(part?.y)) throw new Error(`rate step: the instance has no data set (X, y) beside '${parameter}'`);
  return { X: part.X, y: part.y };
}

function scalar<T>(ctx: InstanceContext, level: Level, expr: RateStep['quantity']): T {
  const v = ctx.evaluator(level).value(expr);
  if (v.shape.length !== 0) throw new Error(`rate step: ${print(expr)} is not a scalar (shape [${v.shape}])`);
  return v.data[0] as T;
}

/** The bound's verdict at one instance (t a point or a whole cell), with the sides' enclosures. */
function evaluateCell<T>(lemma: Lemma, step: RateStep, instance: Instance, level: Level, ends?: readonly [Instance, Instance]): CellResult<T> {
  try {
    const ctx = new InstanceContext(lemma, instance);
    // A quantity monotone along the flow lies between its values at the cell's ends, which are
    // enclosed at exact times: much narrower than through the box around w(s) for every s.
    const quantity = (): T =>
      step.monotone && ends
        ? (level.arith as Arith<T>).hull(scalar<T>(new InstanceContext(lemma, ends[0]), level, step.quantity), scalar<T>(new InstanceContext(lemma, ends[1]), level, step.quantity))
        : scalar<T>(ctx, level, step.quantity);
    if (step.where) {
      const A = level.arith as Arith<T>;
      if (A.lt(A.num(0), scalar<T>(ctx, level, step.where.expr)) !== 'proved') return { verdict: 'outside', viaTolerance: false };
    }
    const sides: Sides<T> = {
      quantity: quantity(),
      stated: scalar<T>(ctx, level, step.stated.expr),
      observed: scalar<T>(ctx, level, step.observed.expr),
      bound: scalar<T>(ctx, level, step.bound.expr),
    };
    const c = compare(level.arith as Arith<T>, step.bound.relation, sides.quantity, sides.bound, step.tolerance);
    return { verdict: c.verdict === 'inconclusive' ? 'undecided' : c.verdict, viaTolerance: c.viaTolerance, sides };
  } catch (err) {
    if (err instanceof DomainError) return { verdict: err.certain ? 'undefined' : 'undecided', viaTolerance: false, message: err.message };
    throw err;
  }
}

/** The cells' worst verdict, skipped cells aside ('outside' only when every cell is). */
function worstOf(verdicts: readonly CellVerdict[]): CellVerdict {
  for (const v of ['refuted', 'undefined', 'undecided', 'held'] as const) if (verdicts.includes(v)) return v;
  return 'outside';
}

/** The step over the whole cell [a, b] of t. */
function evaluateOver(lemma: Lemma, step: RateStep, instance: Instance, level: Level, a: number, b: number): CellResult<unknown> {
  const ends = [withParameter(instance, step.parameter, a), withParameter(instance, step.parameter, b)] as const;
  return evaluateCell(lemma, step, withInterval(instance, step.parameter, a, b), level, ends);
}

/** Hull of the three ratios over cells (undefined where a ratio's denominator straddles 0). */
function ratios<T>(A: Arith<T>, cells: readonly CellResult<T>[]): RateRatios | undefined {
  let hull: [T, T, T] | null = null;
  try {
    for (const { sides } of cells) {
      if (!sides) return undefined;
      const r: [T, T, T] = [A.div(sides.quantity, sides.stated), A.div(sides.quantity, sides.observed), A.div(sides.bound, sides.stated)];
      hull = hull ? [A.hull(hull[0], r[0]), A.hull(hull[1], r[1]), A.hull(hull[2], r[2])] : r;
    }
  } catch (err) {
    if (err instanceof DomainError) return undefined;
    throw err;
  }
  if (!hull) return undefined;
  return { toStated: outward(A.format(hull[0])), toObserved: outward(A.format(hull[1])), boundToStated: outward(A.format(hull[2])) };
}

const SEVERITY: Verdict[] = ['held', 'inconclusive', 'undefined', 'error', 'refuted'];
const worse = (a: Verdict, b: Verdict): Verdict => (SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b);
const asVerdict = (v: Exclude<CellVerdict, 'outside'>): Verdict => (v === 'undecided' ? 'inconclusive' : v);

interface ExampleRun {
  report: RateExampleReport;
  series: SeriesPoint[];
  counts: Record<Verdict, number>;
  withinTolerance: number;
}

/** Halvings of an undecided cell, and new cells per data set, that refinement may spend. */
const REFINE_ROUNDS = 6;
const REFINE_BUDGET = 256;

interface Cell {
  decade: number;
  from: number;
  to: number;
  result: CellResult<unknown>;
}

const logMidpoint = (a: number, b: number): number => Math.sqrt(a) * Math.sqrt(b);

/**
 * Undecided cells are halved (at the geometric midpoint) and evaluated again, round by round, each
 * round with one new integration through the edges it needs, until no cell is undecided or the
 * rounds or the budget run out. A cell decided over its whole interval is never revisited.
 */
function refine(lemma: Lemma, step: RateStep, instance: Instance, level: Level, data: Dataset, cells: Cell[]): Cell[] {
  let spent = 0;
  for (let round = 0; round < REFINE_ROUNDS; round++) {
    const split = cells.filter((c) => c.result.verdict === 'undecided' && logMidpoint(c.from, c.to) > c.from && logMidpoint(c.from, c.to) < c.to);
    if (!split.length || spent + 2 * split.length > REFINE_BUDGET) break;
    spent += 2 * split.length;
    const halves = new Map<Cell, Cell[]>();
    const times = [...new Set(split.flatMap((c) => [c.from, logMidpoint(c.from, c.to), c.to]))].sort((a, b) => a - b);
    withFlowRun(data, times, () => {
      for (const c of split) {
        const m = logMidpoint(c.from, c.to);
        halves.set(c, [
          { decade: c.decade, from: c.from, to: m, result: evaluateOver(lemma, step, instance, level, c.from, m) },
          { decade: c.decade, from: m, to: c.to, result: evaluateOver(lemma, step, instance, level, m, c.to) },
        ]);
      }
    }, { maxSteps: RATE_FLOW_STEPS });
    cells = cells.flatMap((c) => halves.get(c) ?? [c]);
  }
  return cells;
}

function checkExample(lemma: Lemma, step: RateStep, label: string, instance: Instance, level: Level): ExampleRun {
  const A = level.arith as Arith<unknown>;
  const [first, last] = step.decades;
  const decades = Array.from({ length: last - first }, (_, j) => decadeGrid(first + j, step.cells));
  const times = [...new Set(decades.flat())].sort((a, b) => a - b);
  const data = datasetAt(instance, step.parameter);
  const counts: Record<Verdict, number> = { held: 0, refuted: 0, inconclusive: 0, undefined: 0, error: 0 };
  let withinTolerance = 0;
  // The grid: every edge at its exact t, every cell over its whole interval, from one integration.
  const { reached, flowSteps, grids, firstCells } = withFlowRun(data, times, (run) => {
    const reached = run.points.length ? run.points[run.points.length - 1].t : 0;
    const checked = decades.filter((edges) => edges[edges.length - 1] <= reached);
    return {
      reached,
      flowSteps: run.steps,
      grids: checked.map((edges) => edges.map((t) => evaluateCell<unknown>(lemma, step, withParameter(instance, step.parameter, t), level))),
      firstCells: checked.flatMap((edges, k) =>
        edges.slice(0, -1).map((a, j): Cell => ({ decade: k, from: a, to: edges[j + 1], result: evaluateOver(lemma, step, instance, level, a, edges[j + 1]) })),
      ),
    };
  }, { maxSteps: RATE_FLOW_STEPS });
  const cells = refine(lemma, step, instance, level, data, firstCells);
  const series: SeriesPoint[] = [];
  const rows: RateDecadeReport[] = [];
  let failure: RateExampleReport['failure'];
  for (const cell of cells) {
    if (cell.result.verdict === 'outside') continue;
    counts[asVerdict(cell.result.verdict)]++;
    if (cell.result.verdict === 'held' && cell.result.viaTolerance) withinTolerance++;
    if (cell.result.verdict !== 'held' && !failure) {
      const { sides, message } = cell.result;
      failure = {
        from: cell.from,
        to: cell.to,
        verdict: cell.result.verdict,
        ...(sides ? { quantity: outward(A.format(sides.quantity)), bound: outward(A.format(sides.bound)) } : {}),
        ...(message ? { message } : {}),
      };
    }
  }
  grids.forEach((points, k) => {
    const edges = decades[k];
    points.forEach((p, j) => {
      if (k > 0 && j === 0) return; // the previous decade's last edge
      if (p.verdict === 'outside') return;
      series.push({ value: edges[j], verdict: asVerdict(p.verdict), ...(p.sides ? { lhs: outward(A.format(p.sides.quantity)), rhs: outward(A.format(p.sides.bound)) } : {}) });
    });
    const all = cells.filter((c) => c.decade === k);
    const own = all.filter((c) => c.result.verdict !== 'outside');
    const overInterval = ratios(A, own.map((c) => c.result));
    const atGrid = ratios(A, points.filter((p) => p.verdict !== 'outside'));
    rows.push({
      from: edges[0],
      to: edges[edges.length - 1],
      verdict: worstOf(own.map((c) => c.result.verdict)),
      ...(overInterval ? { overInterval } : {}),
      ...(atGrid ? { atGrid } : {}),
      cells: own.length,
      undecidedCells: own.filter((c) => c.result.verdict === 'undecided').length,
      ...(own.length < all.length ? { skippedCells: all.length - own.length } : {}),
    });
  });
  const complete = rows.length === decades.length;
  const worst = worstOf(rows.map((r) => r.verdict));
  const verdict: Verdict = worst === 'outside' ? 'inconclusive' : asVerdict(worst);
  const constant = step.observed.constant ? constantAt(lemma, step, instance, times[0], level) : undefined;
  const next = times.find((t) => t > reached) ?? times[times.length - 1];
  const report: RateExampleReport = {
    label,
    instance,
    verdict,
    reached,
    complete,
    flowSteps,
    ...(complete ? {} : { stopped: `the validated flow stopped at t = ${reached} after ${flowSteps} steps, before t = ${next} (${flowSteps >= RATE_FLOW_STEPS ? `the rate check's budget of ${RATE_FLOW_STEPS} steps: a stiff flow, e.g. a small margin` : 'its enclosure radius is no longer finite'}); decades beyond are not checked` }),
    ...(constant ? { constant } : {}),
    decades: rows,
    ...(failure ? { failure } : {}),
  };
  return { report, series, counts, withinTolerance };
}

function constantAt(lemma: Lemma, step: RateStep, instance: Instance, t: number, level: Level): RateExampleReport['constant'] {
  const c = step.observed.constant!;
  try {
    const value = scalar<unknown>(new InstanceContext(lemma, withParameter(instance, step.parameter, t)), level, c.expr);
    return { reads: c.reads, value: outward(level.arith.format(value)) };
  } catch (err) {
    if (err instanceof DomainError) return undefined;
    throw err;
  }
}

/** The step's `applies` (a condition on the data alone) is certified at the instance; no condition: always. */
function applies(lemma: Lemma, step: RateStep, instance: Instance, level: Level): boolean {
  if (!step.applies) return true;
  const A = level.arith as Arith<unknown>;
  try {
    return A.lt(A.num(0), scalar<unknown>(new InstanceContext(lemma, instance), level, step.applies.expr)) === 'proved';
  } catch (err) {
    if (err instanceof DomainError) return false;
    throw err;
  }
}

/** A user's data set the step is not stated for: nothing evaluated, so inconclusive, with the reason; not a surprise. */
function notApplicable(step: RateStep, dataset: { label: string; instance: Instance }): StepReport {
  const [a, b] = step.decades;
  const none: Record<Verdict, number> = { held: 0, refuted: 0, inconclusive: 0, undefined: 0, error: 0 };
  return {
    id: step.id,
    notes: step.notes,
    ...(step.notesAt ? { notesLine: step.notesAt.line, notesColumn: step.notesAt.column } : {}),
    form: 'notes',
    relation: step.bound.relation,
    lhs: print(step.quantity),
    rhs: print(step.bound.expr),
    justification: step.why,
    verdict: 'inconclusive',
    expected: 'held',
    surprise: false,
    notApplicable: `stated for ${step.applies!.reads}, which ${dataset.label} is not: ${step.applies!.why}`,
    certified: false,
    instances: 0,
    evaluations: 0,
    counts: none,
    withinTolerance: 0,
    precision: 'interval',
    message: `not applicable on this data set: stated for ${step.applies!.reads} (${step.applies!.why})`,
    usesClosure: false,
    computedFrom: 'hand',
    handTranscribed: `an asymptotic remark in words: checked as its rate along long validated flows for every t in [1e${a}, 1e${b}], on data sets with ${step.applies!.reads}`,
  };
}

/**
 * Every rate step of the lemma, checked at its examples (or, for a user's data set, at that data
 * set alone: `dataset` is an instance built on it), as step reports.
 */
export function rateReports(lemma: Lemma, dataset?: { label: string; instance: Instance }): StepReport[] {
  const level = ladder([])[0];
  return lemma.rates.map((step) => {
    if (dataset && !applies(lemma, step, dataset.instance, level)) return notApplicable(step, dataset);
    const examples = dataset ? [dataset] : step.examples.filter((e) => applies(lemma, step, e.instance, level));
    if (!examples.length) throw new Error(`rate step '${step.id}': none of its examples satisfies ${step.applies?.reads}`);
    const runs = examples.map((e) => checkExample(lemma, step, e.label, e.instance, level));
    const counts: Record<Verdict, number> = { held: 0, refuted: 0, inconclusive: 0, undefined: 0, error: 0 };
    for (const r of runs) for (const k of Object.keys(counts) as Verdict[]) counts[k] += r.counts[k];
    const verdict = runs.map((r) => r.report.verdict).reduce(worse, 'held');
    const [a, b] = step.decades;
    const relation = step.bound.relation;
    const series: StepSeries[] = runs.map((r) => ({ parameter: step.parameter.split('.').pop()!, along: 'parameter', at: 'example', label: r.report.label, instance: r.report.instance, points: r.series }));
    const firstFailure = runs.find((r) => r.report.failure)?.report;
    return {
      id: step.id,
      notes: step.notes,
      ...(step.notesAt ? { notesLine: step.notesAt.line, notesColumn: step.notesAt.column } : {}),
      form: 'notes',
      relation,
      lhs: print(step.quantity),
      rhs: print(step.bound.expr),
      justification: step.why,
      verdict,
      expected: 'held',
      surprise: verdict !== 'held',
      certified: verdict === 'held' || verdict === 'refuted',
      instances: examples.length,
      evaluations: runs.reduce((s, r) => s + r.report.decades.reduce((c, d) => c + d.cells, 0), 0),
      counts,
      withinTolerance: runs.reduce((s, r) => s + r.withinTolerance, 0),
      precision: 'interval',
      ...(firstFailure ? { message: `${firstFailure.label}: ${firstFailure.failure!.verdict} for t in [${firstFailure.failure!.from}, ${firstFailure.failure!.to}]${firstFailure.failure!.message ? ` (${firstFailure.failure!.message})` : ''}` } : {}),
      usesClosure: false,
      computedFrom: 'hand',
      handTranscribed: `an asymptotic remark in words: checked as its rate along long validated flows, ${print(step.quantity)} ${relation} ${step.bound.reads} for every t in [1e${a}, 1e${b}]`,
      series,
      rate: {
        parameter: step.parameter.split('.').pop()!,
        quantity: print(step.quantity),
        stated: step.stated.reads,
        observed: step.observed.reads,
        bound: { relation, expr: print(step.bound.expr), reads: step.bound.reads },
        ...(step.where ? { where: step.where.reads } : {}),
        certifies: `${print(step.quantity)} ${relation} ${step.bound.reads} for every t in [1e${a}, 1e${b}] reached by each flow${step.where ? ` where ${step.where.reads} is certified (other cells skipped, and counted)` : ''}, certified over whole sub-intervals of t (${step.cells} per decade, halved where undecided); the ratios are certified enclosures per decade. No finite computation certifies a limit as t → ∞: the rates are read from these enclosures, not proved.`,
        examples: runs.map((r) => r.report),
      },
    };
  });
}
