import { emptyAccumulatorState, mergeAccumulatorStates, type AccumulatorState } from './accumulator.js';
import type { LemmaReport } from './report.js';
import { mergePlotInstances, type PlotInstances } from './series.js';

/**
 * A lemma's work can be cut into passes over instance ranges (run by different
 * workers, or different CI machines) and a final step that turns their merged
 * states into the report. The merged report equals the one-piece run's, apart
 * from timing, because every pass draws the same instances from the same seed.
 */

/** Which pass: the lemma's own domain, or its k-th relaxed hypothesis (1-based). */
export type PassTarget = { kind: 'main' } | { kind: 'relaxation'; index: number };

/** Instances [from, to) of the seed's sequence. */
export interface InstanceRange {
  from: number;
  to: number;
}

/** What a pass over an instance range found, as plain data. */
export interface PassState {
  /** One per check of the pass, in the lemma's check order. */
  accumulators: AccumulatorState[];
  facts: Record<string, number>;
  summaries: { run: number; facts: Record<string, number> }[];
  /** Instances remembered for the report's plots. */
  plots?: PlotInstances;
}

export type LemmaJob =
  | { kind: 'whole' }
  | { kind: 'pass'; target: PassTarget; range: InstanceRange }
  /** Shrinking, regions, chains and relaxation reports, from every pass's merged state. */
  | { kind: 'finish'; main: PassState; relaxations: PassState[] };

/** A pass's state, or the lemma's report when it is final (the whole lemma, a finish, or a pass that failed). */
export type JobResult = { kind: 'report'; report: LemmaReport } | { kind: 'pass'; state: PassState };

/** The states of consecutive ranges, given in range order, as one state. */
export function mergePassStates(parts: readonly PassState[]): PassState {
  if (parts.length === 0) throw new Error('mergePassStates: no parts');
  const checks = parts[0].accumulators.length;
  if (parts.some((p) => p.accumulators.length !== checks)) throw new Error('mergePassStates: parts of different passes');
  const accumulators = Array.from({ length: checks }, (_, k) => parts.reduce((acc, p) => mergeAccumulatorStates(acc, p.accumulators[k]), emptyAccumulatorState()));
  const facts: Record<string, number> = {};
  for (const part of parts) for (const [name, value] of Object.entries(part.facts)) facts[name] = Math.max(facts[name] ?? -Infinity, value);
  return { accumulators, facts, summaries: parts.flatMap((p) => p.summaries), plots: mergePlotInstances(parts.map((p) => p.plots), checks) };
}

/** Cuts 0..runs into `parts` consecutive ranges of near-equal size (none empty). */
export function splitRuns(runs: number, parts: number): InstanceRange[] {
  const count = Math.max(1, Math.min(parts, runs));
  return Array.from({ length: count }, (_, k) => ({ from: Math.floor((k * runs) / count), to: Math.floor(((k + 1) * runs) / count) }));
}
