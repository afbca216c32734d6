import { evaluateCheck, indexAssignments } from '../../src/checker/evaluate-check.js';
import { InstanceContext, ladder } from '../../src/checker/instance-context.js';
import type { Verdict } from '../../src/checker/report.js';
import type { Instance, Lemma } from '../../src/language/lemma.js';

const LEVELS = ladder([30, 60, 120]);

/**
 * Every check of a lemma at one instance: the most severe verdict over the
 * check's index assignments (refuted > error > undefined > inconclusive > held),
 * as the checker aggregates them.
 */
export function verdictsAt(lemma: Lemma, instance: Instance): Record<string, Verdict> {
  const ctx = new InstanceContext(lemma, instance);
  const out: Record<string, Verdict> = {};
  const rank: Verdict[] = ['held', 'inconclusive', 'undefined', 'error', 'refuted'];
  for (const check of lemma.checks) {
    let worst: Verdict = 'held';
    try {
      for (const index of indexAssignments(check, ctx, LEVELS)) {
        const v = evaluateCheck(check, ctx, index, { levels: LEVELS, timeoutMs: 20_000 }).verdict;
        if (rank.indexOf(v) > rank.indexOf(worst)) worst = v;
      }
    } catch (err) {
      worst = (err as Error).name === 'DomainError' ? 'undefined' : 'error';
    }
    out[check.id] = worst;
  }
  return out;
}
