import { readFileSync } from 'node:fs';
import type { AuditReport, LemmaReport } from './report.js';
import { summarize } from '../reporters/summary.js';

/** Name and version of this tool, from package.json, for the report header. */
export function toolInfo(): AuditReport['tool'] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

/** Collects lemma reports, in the order given, into the report of one audit. */
export function assembleAuditReport(
  lemmas: readonly LemmaReport[],
  run: { seed: number; runs: number | null; ms: number },
): AuditReport {
  return {
    tool: toolInfo(),
    seed: run.seed,
    runs: run.runs,
    lemmas: [...lemmas],
    summary: summarize(lemmas),
    timing: { ms: run.ms },
  };
}
