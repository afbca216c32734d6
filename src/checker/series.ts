import { Decimal } from 'decimal.js';
import type { Check, Instance, Lemma, RegionScan } from '../language/lemma.js';
import { evaluateCheck, indexAssignments, type EvaluateOptions, type Evaluation } from './evaluate-check.js';
import { InstanceContext } from './instance-context.js';
import { withValueAt } from './instance-path.js';
import type { SeriesPoint, StepReport, StepSeries } from './report.js';

/**
 * Instances a pass remembers for the report's plots: the first generated one,
 * and per check quantified over one index the one with the most index values
 * (the earliest on ties), so that passes over instance ranges merge to the
 * one-piece run's choice.
 */
export interface PlotInstances {
  first?: Instance;
  longest: ({ run: number; count: number; instance: Instance } | null)[];
}

/** The plot instances of consecutive instance ranges, given in range order, as one. */
export function mergePlotInstances(parts: readonly (PlotInstances | undefined)[], checks: number): PlotInstances {
  const merged: PlotInstances = { longest: Array.from({ length: checks }, () => null) };
  for (const part of parts) {
    if (!part) continue;
    if (merged.first === undefined && part.first !== undefined) merged.first = part.first;
    part.longest.forEach((candidate, k) => {
      const best = merged.longest[k];
      if (candidate && (!best || candidate.count > best.count || (candidate.count === best.count && candidate.run < best.run))) merged.longest[k] = candidate;
    });
  }
  return merged;
}

/** A step's outcome at one instance: what a region scan bisects on. */
export type Outcome = 'refuted' | 'undefined' | 'held' | 'other';

/** A series point without its parameter value. */
export type PointAt = Omit<SeriesPoint, 'value'>;

const Dec = Decimal.clone({ precision: 40 });

/** An enclosure rounded outward to 17 significant digits: still an enclosure, and short enough for many points. */
export function outward([lo, hi]: [string, string]): [string, string] {
  try {
    return [new Dec(lo).toSignificantDigits(17, Decimal.ROUND_FLOOR).toString(), new Dec(hi).toSignificantDigits(17, Decimal.ROUND_CEIL).toString()];
  } catch {
    return [lo, hi];
  }
}

function pointOf(ev: Evaluation): PointAt {
  return {
    verdict: ev.verdict,
    ...(ev.lhs ? { lhs: outward(ev.lhs) } : {}),
    ...(ev.rhs ? { rhs: outward(ev.rhs) } : {}),
    ...(Object.keys(ev.index).length ? { index: { ...ev.index } } : {}),
    ...(ev.entry !== undefined ? { entry: ev.entry } : {}),
  };
}

/**
 * The step at one instance: refuted or undefined if any index assignment is
 * (certainly), held if all are; and the evaluation a plot shows there (the
 * refuted one, else the first certain undefined, else the first undecided,
 * else the held one with the least slack).
 */
export function stepAt(check: Check, ctx: InstanceContext, options: EvaluateOptions): { outcome: Outcome; point: PointAt } {
  let outcome: Outcome = 'held';
  let shown: Evaluation | undefined;
  try {
    for (const index of indexAssignments(check, ctx, options.levels)) {
      const ev = evaluateCheck(check, ctx, index, options);
      if (ev.verdict === 'refuted') return { outcome: 'refuted', point: pointOf(ev) };
      if (ev.verdict === 'undefined' && !ev.uncertain) {
        if (outcome !== 'undefined') shown = ev;
        outcome = 'undefined';
      } else if (ev.verdict !== 'held' && outcome === 'held') {
        outcome = 'other';
        shown = ev;
      } else if (outcome === 'held' && (!shown || (ev.comparison?.slack ?? Infinity) < (shown.comparison?.slack ?? Infinity))) shown = ev;
    }
  } catch (err) {
    const e = err as { name?: string; certain?: boolean };
    const certain = e?.name === 'DomainError' && e.certain === true;
    return { outcome: certain ? 'undefined' : 'other', point: { verdict: e?.name === 'DomainError' ? 'undefined' : 'error' } };
  }
  return { outcome, point: shown ? pointOf(shown) : { verdict: 'held' } };
}

/** Reads a numeric parameter by its path ("t", or "flow.t" inside an object hypothesis). */
export function readParameter(instance: Instance, path: string): number | undefined {
  let node: unknown = instance;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return typeof node === 'number' ? node : undefined;
}

/** The instance with the numeric parameter at `path` set to `value` (the data shared, see instance-path.ts). */
export function withParameter(instance: Instance, path: string, value: number): Instance {
  return withValueAt(instance, path, value);
}

export const GRID_POINTS = 33;

/** The scan's grid: log-spaced for a positive range, plus the instance's own value when it lies inside. */
export function scanGrid(scan: RegionScan, own: number | undefined): number[] {
  const [lo, hi] = scan.range;
  const logScale = lo > 0 && hi > 0;
  const point = (u: number): number => (logScale ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo));
  const values = Array.from({ length: GRID_POINTS }, (_, k) => point(k / (GRID_POINTS - 1)));
  if (own !== undefined && own >= lo && own <= hi) values.push(own);
  return [...new Set(values)].sort((a, b) => a - b);
}

export const parameterName = (scan: RegionScan): string => scan.parameter.split('.').pop()!;

/** The step at every value of the scan's grid, at one instance: the points a plot draws. */
export function gridSeries(lemma: Lemma, check: Check, instance: Instance, scan: RegionScan, options: EvaluateOptions): SeriesPoint[] {
  return scanGrid(scan, readParameter(instance, scan.parameter)).map((value) => ({
    value,
    ...stepAt(check, new InstanceContext(lemma, withParameter(instance, scan.parameter, value)), options).point,
  }));
}

/** Digits enough for a label, not for a replay (the instance itself is in the report). */
const short = (x: number): string => String(Number(x.toPrecision(3)));

/** A short description of an instance for a plot's caption: sizes and, when small, the data. */
export function describeInstance(instance: Instance, skip?: string): string {
  const parts: string[] = [];
  const visit = (value: unknown, name: string): void => {
    if (name === skip) return;
    if (typeof value === 'number') parts.push(`${name} = ${short(value)}`);
    else if (Array.isArray(value)) {
      const flat = value.flat(2) as unknown[];
      if (flat.length <= 4 && flat.every((x) => typeof x === 'number')) parts.push(`${name} = ${JSON.stringify(value, (_, v) => (typeof v === 'number' ? Number(short(v)) : v))}`);
    } else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(instance, '');
  return parts.join(', ');
}

/**
 * Every given step along the scan's parameter at one instance, with one
 * instance context (one certified setup) per grid value shared by all steps.
 * Steps whose sides do not move along the parameter get no series.
 */
export function sweepSteps(
  lemma: Lemma,
  checks: readonly Check[],
  instance: Instance,
  scan: RegionScan,
  options: EvaluateOptions,
  at: StepSeries['at'],
  label: string,
): Map<string, StepSeries> {
  const points = new Map<string, SeriesPoint[]>(checks.map((c) => [c.id, []]));
  for (const value of scanGrid(scan, readParameter(instance, scan.parameter))) {
    const ctx = new InstanceContext(lemma, withParameter(instance, scan.parameter, value));
    for (const check of checks) points.get(check.id)!.push({ value, ...stepAt(check, ctx, options).point });
  }
  const out = new Map<string, StepSeries>();
  for (const check of checks) {
    const series = points.get(check.id)!;
    if (!varies(series)) continue;
    out.set(check.id, { parameter: parameterName(scan), along: 'parameter', at, label, instance, points: series });
  }
  return out;
}

/** Whether a side's enclosure or the verdict changes along the series (a constant step has nothing to plot). */
function varies(points: readonly SeriesPoint[]): boolean {
  const key = (p: SeriesPoint): string => `${p.verdict}|${p.lhs}|${p.rhs}`;
  return points.some((p) => key(p) !== key(points[0]));
}

/**
 * A step quantified over one index (the iterate i, a prefix t′), along that
 * index at one instance: the evaluations the checker made there.
 */
export function indexSeries(check: Check, evaluations: readonly Evaluation[], instance: Instance, at: StepSeries['at'], label: string): StepSeries | undefined {
  if (check.over.length !== 1 || evaluations.length < 2) return undefined;
  const name = check.over[0].name;
  const points = evaluations
    .filter((ev) => typeof ev.index[name] === 'number')
    .map((ev) => {
      const { index: _index, ...rest } = pointOf(ev);
      return { value: ev.index[name], ...rest };
    })
    .sort((a, b) => a.value - b.value);
  if (points.length < 2) return undefined;
  return { parameter: name, along: 'index', at, label, instance, points };
}

/**
 * Sweeps every step along each of the lemma's region parameters at its
 * examples and at the first generated instance, and appends the series to
 * the steps' reports (after any region-scan series at a counterexample).
 */
export function attachSweeps(lemma: Lemma, steps: StepReport[], at: { examples: boolean; first?: Instance }, options: EvaluateOptions): void {
  const byId = new Map(steps.map((s) => [s.id, s]));
  for (const scan of lemma.regions) {
    const checks = lemma.checks.filter((c) => byId.has(c.id) && (!scan.steps || scan.steps.includes(c.id)));
    const name = parameterName(scan);
    const instances: { at: StepSeries['at']; label: string; instance: Instance }[] = [
      ...(at.examples ? (scan.examples ?? []).map((e) => ({ at: 'example' as const, label: e.label, instance: e.instance })) : []),
      ...(at.first ? [{ at: 'first instance' as const, label: `first generated instance: ${describeInstance(at.first, name)}`, instance: at.first }] : []),
    ];
    for (const x of instances) {
      for (const [id, series] of sweepSteps(lemma, checks, x.instance, scan, options, x.at, x.label)) {
        const step = byId.get(id)!;
        step.series = [...(step.series ?? []), series];
      }
    }
  }
}
