import type { LemmaReport } from '../checker/report.js';
import { withoutRepoRoot } from './proof-files.js';

/**
 * The report of a lemma that could not be checked at all (its file did not load,
 * the check threw or timed out): no steps, one surprise, the reason in `error`.
 */
export function lemmaErrorReport(
  lemma: { id: string; title: string; source: string },
  run: { file: string; seed: number; runs: number; ms: number },
  error: string,
): LemmaReport {
  return {
    id: lemma.id,
    title: lemma.title,
    source: lemma.source,
    file: run.file,
    seed: run.seed,
    runs: run.runs,
    domain: {},
    steps: [],
    chains: [],
    relaxations: [],
    notes: {},
    error: withoutRepoRoot(error),
    surprises: 1,
    timing: { ms: Math.round(run.ms) },
  };
}
