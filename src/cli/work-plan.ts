import { splitRuns, type InstanceRange, type PassTarget } from '../checker/lemma-job.js';
import type { CheckOptions } from '../checker/options.js';
import type { LemmaMeta } from './worker-protocol.js';

/**
 * How the checks of an audit are cut into units of work: a lemma runs whole, or
 * (when it outweighs a share of the audit) as passes over instance ranges that
 * are merged and finished afterwards. The same plan drives parallel workers
 * (--jobs) and CI shards (--shard), and it depends only on the lemmas and the
 * number of lanes, so every shard computes the same plan.
 */

export type WorkUnit =
  | { kind: 'whole'; task: number; weight: number }
  | { kind: 'pass'; task: number; target: PassTarget; range: InstanceRange; weight: number };

export interface PlannedLemma {
  /** Index among the run's tasks (the report's order). */
  task: number;
  lemma: LemmaMeta;
}

export interface WorkOptions {
  /** Workers, or shards, that share the work. */
  lanes: number;
  /** --runs, overriding each lemma's own count. */
  runs?: number;
  /** --instance or --profile: relaxed hypotheses are not checked, so they weigh nothing (and get no passes). */
  instance?: boolean;
  /** --replay checks one instance: never split. */
  replay?: boolean;
}

/** What the plan reads of a run's options. */
export function workOptions(options: CheckOptions, lanes: number): WorkOptions {
  return {
    lanes,
    ...(options.runs !== undefined ? { runs: options.runs } : {}),
    // A data set or a profile replaces the lemma's domain, and with it the relaxed ones.
    instance: options.instanceFile !== undefined || options.profile !== undefined,
    replay: options.replay !== undefined,
  };
}

/** Each lane should see at least this many units, so a dynamic queue can even out what the weights misjudge. */
const UNITS_PER_LANE = 2;

function passWeights(lemma: LemmaMeta, options: WorkOptions): { target: PassTarget; weight: number }[] {
  const runs = options.runs ?? lemma.runs ?? 100;
  const perInstance = lemma.cost ?? 1;
  const main = { target: { kind: 'main' } as PassTarget, weight: perInstance * runs * Math.max(1, lemma.checks ?? 1) };
  if (options.instance) return [main];
  const relaxed = (lemma.relaxationChecks ?? []).map((checks, k) => ({ target: { kind: 'relaxation', index: k + 1 } as PassTarget, weight: perInstance * runs * checks }));
  return [main, ...relaxed];
}

/** Units in report order: whole lemmas, or a split lemma's passes (main ranges first, then each relaxation's). */
export function planWork(lemmas: readonly PlannedLemma[], options: WorkOptions): WorkUnit[] {
  const passes = lemmas.map((l) => passWeights(l.lemma, options));
  const weights = passes.map((p) => p.reduce((sum, q) => sum + q.weight, 0));
  const total = weights.reduce((a, b) => a + b, 0);
  const share = total / (options.lanes * UNITS_PER_LANE);
  const units: WorkUnit[] = [];
  lemmas.forEach((planned, k) => {
    if (options.lanes <= 1 || options.replay || weights[k] <= share) {
      units.push({ kind: 'whole', task: planned.task, weight: weights[k] });
      return;
    }
    const runs = options.runs ?? planned.lemma.runs ?? 100;
    for (const { target, weight } of passes[k]) {
      const ranges = splitRuns(runs, Math.ceil(weight / share));
      for (const range of ranges) units.push({ kind: 'pass', task: planned.task, target, range, weight: (weight * (range.to - range.from)) / runs });
    }
  });
  return units;
}

/** The order a dynamic queue takes units in: heaviest first (ties in plan order). */
export function heaviestFirst(units: readonly WorkUnit[]): WorkUnit[] {
  return units
    .map((unit, k) => ({ unit, k }))
    .sort((a, b) => b.unit.weight - a.unit.weight || a.k - b.k)
    .map(({ unit }) => unit);
}

/**
 * Deals the units to `count` shards, each unit to the lightest shard so far
 * (heaviest units first; ties to the lower shard). Returns the 0-based shard of each unit, in plan order.
 */
export function assignShards(units: readonly WorkUnit[], count: number): number[] {
  const load = new Array<number>(count).fill(0);
  const shardOf = new Array<number>(units.length).fill(0);
  const order = units.map((unit, k) => ({ unit, k })).sort((a, b) => b.unit.weight - a.unit.weight || a.k - b.k);
  for (const { unit, k } of order) {
    let best = 0;
    for (let s = 1; s < count; s++) if (load[s] < load[best]) best = s;
    shardOf[k] = best;
    load[best] += unit.weight;
  }
  return shardOf;
}

export function describeUnit(unit: WorkUnit): string {
  if (unit.kind === 'whole') return 'whole';
  const where = unit.target.kind === 'main' ? 'main' : `relaxation ${unit.target.index}`;
  return `${where} runs ${unit.range.from}..${unit.range.to - 1}`;
}
