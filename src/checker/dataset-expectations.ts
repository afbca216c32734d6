import type { StepReport } from './report.js';

/**
 * Expectations on a user's data set (--instance). An expected refutation is a
 * claim about the lemma's whole domain (some instance refutes the line); a data
 * set is one instance of it, where the line may well hold ("Σ > max" fails only
 * at n = 1). Such a step is marked "not reproduced on this data set" rather
 * than counted as a surprise. A step expected to hold stays a surprise whenever
 * it does not hold, and an error is always one.
 */
export function markNotReproduced(steps: readonly StepReport[]): StepReport[] {
  return steps.map((step) =>
    step.expected === 'refuted' && (step.verdict === 'held' || step.verdict === 'inconclusive' || step.verdict === 'undefined')
      ? { ...step, surprise: false, notReproduced: true }
      : step,
  );
}
