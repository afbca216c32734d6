import type { LemmaReport, Verdict } from '../checker/report.js';
import { normaliseWhitespace } from '../notes/notes-file.js';

/**
 * What watch mode decides between two runs, as pure functions: which lemmas a
 * changed input touches, and which verdicts changed since the last run.
 */

/** The lines of `before` replaced in `after` (1-based, inclusive; empty when only lines were added). */
export function changedLines(before: string, after: string): { from: number; to: number } | null {
  if (before === after) return null;
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { from: head + 1, to: a.length - tail };
}

/**
 * The lemmas a change of the notes touches: a step on a changed line, or a
 * step whose text the new notes no longer contain (its proof file will then
 * fail to load, which a rerun shows).
 */
export function lemmasTouchedByNotes(reports: readonly LemmaReport[], before: string, after: string): string[] {
  const lines = changedLines(before, after);
  if (!lines) return [];
  const text = normaliseWhitespace(after);
  return reports
    .filter((lemma) =>
      lemma.steps.some((step) => {
        if (step.notesLine !== undefined && step.notesLine >= lines.from && step.notesLine <= Math.max(lines.to, lines.from)) return true;
        return step.form === 'notes' && !text.includes(normaliseWhitespace(step.notes));
      }),
    )
    .map((lemma) => lemma.id);
}

export interface VerdictChange {
  lemma: string;
  /** Absent for the lemma as a whole (it appeared, disappeared, or failed). */
  step?: string;
  before: Verdict | 'absent' | 'error';
  after: Verdict | 'absent' | 'error';
}

/** Step verdicts that differ between the last run's reports and this run's (for the lemmas rerun). */
export function verdictChanges(before: readonly LemmaReport[], after: readonly LemmaReport[]): VerdictChange[] {
  const out: VerdictChange[] = [];
  const old = new Map(before.map((l) => [l.id, l]));
  for (const lemma of after) {
    const previous = old.get(lemma.id);
    if (!previous) {
      out.push({ lemma: lemma.id, before: 'absent', after: lemma.error !== undefined ? 'error' : 'held' });
      continue;
    }
    if ((previous.error !== undefined) !== (lemma.error !== undefined)) {
      out.push({ lemma: lemma.id, before: previous.error !== undefined ? 'error' : 'held', after: lemma.error !== undefined ? 'error' : 'held' });
    }
    const steps = new Map(previous.steps.map((s) => [s.id, s.verdict]));
    for (const step of lemma.steps) {
      const was = steps.get(step.id) ?? 'absent';
      if (was !== step.verdict) out.push({ lemma: lemma.id, step: step.id, before: was, after: step.verdict });
      steps.delete(step.id);
    }
    for (const [id, was] of steps) if (lemma.error === undefined) out.push({ lemma: lemma.id, step: id, before: was, after: 'absent' });
  }
  return out;
}

/** "newly refuted: thm-10.1 ratio (held → refuted)", one line per change. */
export function describeChanges(changes: readonly VerdictChange[]): string[] {
  if (changes.length === 0) return ['no verdict changed since the last run'];
  return changes.map((c) => {
    const what = c.after === 'absent' ? 'removed' : c.before === 'absent' ? 'new' : `newly ${c.after}`;
    return `${what}: ${c.lemma}${c.step ? ` ${c.step}` : ''} (${c.before} → ${c.after})`;
  });
}
