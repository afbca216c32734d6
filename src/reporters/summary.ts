import type { AuditReport, LemmaReport, StepReport } from '../checker/report.js';

/**
 * A step is a surprise when its verdict differs from its expectation. The
 * checker's own flag is trusted only to add surprises, never to hide one.
 */
export function isSurprise(step: StepReport): boolean {
  return step.surprise || (step.verdict !== step.expected && !isNotReproduced(step) && !isNotApplicable(step));
}

/** Under --instance: a step not stated for the user's data set (nothing was evaluated; inconclusive, never held). */
export function isNotApplicable(step: StepReport): boolean {
  return step.notApplicable !== undefined && step.verdict === 'inconclusive' && step.evaluations === 0 && step.instances === 0;
}

/** Under --instance: an expected refutation that did not reproduce on the user's data set (held, inconclusive or undefined there; never an error). */
export function isNotReproduced(step: StepReport): boolean {
  return step.notReproduced === true && step.expected === 'refuted' && (step.verdict === 'held' || step.verdict === 'inconclusive' || step.verdict === 'undefined');
}

/** A refutation the notes' errata predicted and the checker confirmed with a certified counterexample. */
export function isExpectedRefutation(step: StepReport): boolean {
  return step.verdict === 'refuted' && step.expected === 'refuted' && step.certified && !isSurprise(step);
}

export function lemmaSurpriseCount(lemma: LemmaReport): number {
  const counted = lemma.steps.filter(isSurprise).length + (lemma.error !== undefined ? 1 : 0);
  return Math.max(counted, lemma.surprises);
}

export function summarize(lemmas: readonly LemmaReport[]): AuditReport['summary'] {
  const summary: AuditReport['summary'] = {
    lemmas: lemmas.length,
    steps: 0,
    held: 0,
    refuted: 0,
    expectedRefuted: 0,
    inconclusive: 0,
    undefined: 0,
    error: 0,
    surprises: 0,
  };
  for (const lemma of lemmas) {
    for (const step of lemma.steps) {
      summary.steps++;
      summary[step.verdict]++;
      if (isExpectedRefutation(step)) summary.expectedRefuted++;
    }
    if (lemma.error !== undefined) summary.error++;
    summary.surprises += lemmaSurpriseCount(lemma);
  }
  return summary;
}

export interface Surprise {
  lemma: string;
  /** Absent for a lemma-level failure. */
  step?: string;
  /** e.g. "refuted, expected held" or "error: timed out after 120000 ms". */
  description: string;
}

export function listSurprises(lemmas: readonly LemmaReport[]): Surprise[] {
  const out: Surprise[] = [];
  for (const lemma of lemmas) {
    if (lemma.error !== undefined) {
      out.push({ lemma: lemma.id, description: `error: ${lemma.error.split('\n')[0]}` });
    }
    const steps = lemma.steps.filter(isSurprise);
    for (const step of steps) {
      const description =
        step.expected === 'refuted' && step.verdict !== 'refuted'
          ? `${step.verdict}, expected refuted`
          : step.verdict === 'held'
            ? 'held, but flagged as a surprise by the checker'
            : `${step.verdict}, expected ${step.expected}`;
      out.push({ lemma: lemma.id, step: step.id, description });
    }
    const unexplained = lemma.surprises - steps.length - (lemma.error !== undefined ? 1 : 0);
    if (unexplained > 0) out.push({ lemma: lemma.id, description: `${unexplained} more surprise(s) counted by the checker` });
  }
  return out;
}

/**
 * 0 when every verdict matches its expectation (on a user's data set: or is an
 * expected refutation not reproduced there), 1 on any surprise. 2 (a usage
 * error, an unusable data set) is the command line's.
 */
export function exitCode(report: AuditReport): 0 | 1 {
  const clean = report.summary.surprises === 0 && listSurprises(report.lemmas).length === 0;
  return clean ? 0 : 1;
}
