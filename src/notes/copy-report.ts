/**
 * The report of a run on an edited copy of the notes: each changed step with
 * its original line's verdict beside its own (folded from the `ID.vendored`
 * check run beside it), and the copy's changed, deleted and added lines.
 */
import type { LemmaReport, StepEditReport, StepReport, Verdict } from '../checker/report.js';
import { VENDORED_SUFFIX, type StepEdit } from './bind-notes-copy.js';
import type { NotesAlignment } from './line-alignment.js';
import type { NotesFile } from './notes-file.js';

/** What the copy's verdict says about the corrected line, given what was expected of the original. */
function outcomeOf(original: StepReport, verdict: Verdict): NonNullable<StepEditReport['outcome']> {
  if (verdict !== 'held' && verdict !== 'refuted') return 'undecided';
  if (original.expected === 'refuted') return verdict === 'held' ? 'now holds' : 'still refuted';
  return verdict === 'held' ? 'holds' : 'newly refuted';
}

/** Folds each `ID.vendored` step into the step ID of the copy, as its `edit`; the lemma's surprises are recounted. */
export function foldCopyReport(report: LemmaReport, edits: ReadonlyMap<string, StepEdit>): LemmaReport {
  if (edits.size === 0) return report;
  const vendored = new Map(report.steps.filter((s) => s.id.endsWith(VENDORED_SUFFIX)).map((s) => [s.id.slice(0, -VENDORED_SUFFIX.length), s]));
  const steps = report.steps.flatMap((step): StepReport[] => {
    if (step.id.endsWith(VENDORED_SUFFIX) && edits.has(step.id.slice(0, -VENDORED_SUFFIX.length))) return [];
    const edit = edits.get(step.id);
    if (!edit) return [step];
    if (edit.kind !== 'changed') return [{ ...step, edit: { kind: edit.kind, vendored: edit.vendored } }];
    const original = vendored.get(step.id);
    // A replay of one step of the copy runs without its original beside it.
    if (!original) return [{ ...step, edit: { kind: 'changed', vendored: edit.vendored, ...(edit.copy ? { copy: edit.copy } : {}) } }];
    const outcome = outcomeOf(original, step.verdict);
    const folded: StepEditReport = {
      kind: 'changed',
      vendored: {
        ...edit.vendored,
        verdict: original.verdict,
        expected: original.expected,
        ...(original.expectedReason ? { expectedReason: original.expectedReason } : {}),
        surprise: original.surprise,
        lhs: original.lhs,
        rhs: original.rhs,
        ...(original.counterexample ? { counterexample: original.counterexample } : {}),
        ...(original.wholeDomain ? { wholeDomain: original.wholeDomain.verdict } : {}),
      },
      ...(edit.copy ? { copy: edit.copy } : {}),
      outcome,
    };
    // "Still refuted" confirms the expectation of the line it corrects; a surprise of the original stays one.
    const stillRefuted = outcome === 'still refuted';
    const surprise = original.surprise || outcome === 'undecided' || outcome === 'newly refuted';
    return [
      {
        ...step,
        expected: stillRefuted ? 'refuted' : 'held',
        ...(stillRefuted ? { expectedReason: `still refuted, as the original line: ${original.expectedReason ?? ''}` } : {}),
        surprise,
        edit: folded,
      },
    ];
  });
  const surprises = steps.filter((s) => s.surprise).length + (report.error ? 1 : 0);
  return { ...report, steps, surprises };
}

export interface NotesCopyStep {
  lemma: string;
  step: string;
  verdict: Verdict;
  vendoredVerdict?: Verdict;
  outcome?: StepEditReport['outcome'];
}

/** The copy against the notes the proofs transcribe, line by line. */
export interface NotesCopyReport {
  vendored: string;
  copy: string;
  /** Every line whose text differs beyond whitespace, with the steps of the lemmas run that transcribe it (none: prose no step checks, or lemmas not run). */
  changed: { vendoredLine: number; copyLine: number; vendored: string; copy: string; steps: NotesCopyStep[] }[];
  /** Lines of the original with no line in the copy; their steps are checked on the original line. */
  deleted: { vendoredLine: number; text: string; steps: NotesCopyStep[] }[];
  /** Lines of the copy that match no line of the original: nothing checks them. */
  added: { copyLine: number; text: string }[];
  /** Changed steps whose copy's line is neither held nor refuted, or newly refuted: surprises. */
  surprises: number;
}

export function notesCopyReport(original: NotesFile, copy: NotesFile, alignment: NotesAlignment, lemmas: readonly LemmaReport[]): NotesCopyReport {
  const stepsAt = (line: number, kind: StepEditReport['kind']): NotesCopyStep[] =>
    lemmas.flatMap((lemma) =>
      lemma.steps
        .filter((s) => s.edit?.kind === kind && s.edit.vendored.line === line)
        .map((s) => ({
          lemma: lemma.id,
          step: s.id,
          verdict: s.verdict,
          ...(s.edit!.vendored.verdict ? { vendoredVerdict: s.edit!.vendored.verdict } : {}),
          ...(s.edit!.outcome ? { outcome: s.edit!.outcome } : {}),
        })),
    );
  const changed = alignment.changed.map(({ from, to }) => ({ vendoredLine: from, copyLine: to, vendored: original.lineText(from).trim(), copy: copy.lineText(to).trim(), steps: stepsAt(from, 'changed') }));
  return {
    vendored: original.path,
    copy: copy.path,
    changed,
    deleted: alignment.deleted.map((line) => ({ vendoredLine: line, text: original.lineText(line).trim(), steps: stepsAt(line, 'deleted') })),
    added: alignment.added.map((line) => ({ copyLine: line, text: copy.lineText(line).trim() })),
    surprises: changed.flatMap((c) => c.steps).filter((s) => s.outcome === 'undecided' || s.outcome === 'newly refuted').length,
  };
}
