import type { StepReport } from '../checker/report.js';
import type { Lemma } from '../language/lemma.js';
import { proveStep } from './prove-step.js';

/**
 * Adds the whole-domain verdict to every step the lemma declares one for. A
 * declared proof that does not reach "proved" (or an expected failure that is
 * proved) is a surprise: the audit then exits non-zero.
 */
export function withWholeDomainProofs(lemma: Lemma, steps: StepReport[]): StepReport[] {
  return steps.map((step) => {
    const spec = lemma.wholeDomain[step.id];
    if (!spec) return step;
    const check = lemma.checks.find((c) => c.id === step.id)!;
    let wholeDomain;
    try {
      wholeDomain = proveStep(check, spec);
    } catch (err) {
      const e = err as Error;
      wholeDomain = { verdict: 'error' as const, domain: spec.domain, method: 'boxes', boxes: 0, deepestSplit: 0, message: `${e?.name}: ${e?.message}` };
    }
    const proved = wholeDomain.verdict === 'proved';
    const surprise = step.surprise || (spec.expectFailure ? proved : !proved);
    return { ...step, wholeDomain, surprise };
  });
}
