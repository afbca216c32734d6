/**
 * What a lemma can afford on a user's data set (--instance FILE). The work of
 * one instance grows with the number of points n (a step quantified over every
 * point, a validated flow over all of them), so a lemma declares its limits and
 * the run is decided before it starts, from n alone: refused with the limit
 * and why, or run on fewer instances, never left to time out with no hint.
 */
export interface DatasetLimits {
  /** The most points the lemma takes at all. */
  maxPoints?: number;
  /** Instances × points its default run affords: above it, fewer instances run (at least one). */
  pointInstances?: number;
  /** Why: what one instance costs per point (shown with the limit). */
  why: string;
}

export type DatasetRunPlan =
  | { kind: 'refused'; requirement: string; reason: string }
  | { kind: 'run'; runs: number; note?: string };

const count = (x: number): string => x.toLocaleString('en-US');

/**
 * The runs of a lemma on a data set of n points: its default (or --runs, which
 * the user chose and is kept), fewer when the default would exceed the
 * lemma's point budget, or a refusal when n exceeds its most points.
 */
export function datasetRunPlan(limits: DatasetLimits | undefined, points: number, defaultRuns: number, explicitRuns?: number): DatasetRunPlan {
  if (limits?.maxPoints !== undefined && points > limits.maxPoints) {
    return { kind: 'refused', requirement: `at most ${count(limits.maxPoints)} points`, reason: `the data set has ${count(points)} (${limits.why})` };
  }
  if (explicitRuns !== undefined) return { kind: 'run', runs: explicitRuns };
  if (limits?.pointInstances === undefined || defaultRuns * points <= limits.pointInstances) return { kind: 'run', runs: defaultRuns };
  const runs = Math.max(1, Math.floor(limits.pointInstances / points));
  return {
    kind: 'run',
    runs,
    note: `${runs} of its ${defaultRuns} instances: instances × points ≤ ${count(limits.pointInstances)} (${limits.why}); --runs N sets the count`,
  };
}
