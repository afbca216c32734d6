import { InstanceFileError, readInstanceFile } from '../io/instance-file.js';
import type { LemmaReport } from '../checker/report.js';
import { UsageError } from './usage-error.js';

/**
 * Reads and validates the --instance file once, before any proof file loads,
 * so that a bad file is one line and exit 2 before the run (each worker reads
 * it again for its own lemmas). Returns its number of points, which decides
 * what each lemma can afford on it (dataset-limits.ts) before any runs.
 */
export function checkInstanceFile(file: string): number {
  try {
    return readInstanceFile(file).X.length;
  } catch (err) {
    if (err instanceof InstanceFileError) throw new UsageError(`--instance: ${err.message}`, false);
    throw err;
  }
}

/** A lemma that could not take the data set: its fromDataset threw UnsuitableDatasetError. */
export interface RefusedLemma {
  lemma: string;
  /** e.g. "linearly separable data" */
  requirement: string;
  /** e.g. "the data are not linearly separable (certified: …)" */
  reason: string;
}

/** The refusal in a lemma's report, if its check ended in UnsuitableDatasetError (see src/models/dataset.ts). */
export function refusalOf(report: LemmaReport): RefusedLemma | null {
  const match = report.steps.length === 0 ? report.error?.match(/UnsuitableDatasetError: needs (.+?); (.*)$/s) : null;
  return match ? { lemma: report.id, requirement: match[1], reason: match[2].trim() } : null;
}

/**
 * One line per reason a data set was refused, naming the lemmas it kept from
 * running, e.g. "--instance xor.json: the data are not linearly separable (…);
 * not checked: prop-10.1, lemma-10.1 (they need linearly separable data)".
 */
export function refusalLines(file: string, refused: readonly RefusedLemma[]): string[] {
  const groups = new Map<string, { requirement: string; reason: string; lemmas: string[] }>();
  for (const r of refused) {
    const key = `${r.requirement}\n${r.reason}`;
    const group = groups.get(key) ?? { requirement: r.requirement, reason: r.reason, lemmas: [] };
    group.lemmas.push(r.lemma);
    groups.set(key, group);
  }
  return [...groups.values()].map(
    (g) => `--instance ${file}: ${g.reason.replace(/\s*\n\s*/g, ' ')}; not checked: ${g.lemmas.join(', ')} (${g.lemmas.length === 1 ? 'it needs' : 'they need'} ${g.requirement})`,
  );
}

/** Said once beside the summary: the lemmas --instance does not apply to. */
export function skippedNote(skipped: readonly string[], profile?: string): string {
  if (!skipped.length) return '';
  const one = skipped.length === 1;
  const what = profile !== undefined ? `--profile ${profile}: ${one ? 'one lemma has' : `${skipped.length} lemmas have`} no such profile` : `--instance: ${one ? 'one lemma takes' : `${skipped.length} lemmas take`} no data set`;
  return `  ${what} and ${one ? 'was' : 'were'} not run: ${skipped.join(', ')}\n`;
}
