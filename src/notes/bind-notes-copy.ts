/**
 * Binds a lemma to an edited copy of the notes (`--notes corrected.md`): every
 * step is found in the notes its proof file transcribes, then followed to its
 * line in the copy (see line-alignment.ts).
 *
 * - A step whose text is unchanged is checked as usual, at its line in the copy.
 * - A changed step is compiled from the copy's LaTeX and checked under its own
 *   id; its original line is checked beside it, in the same run, as
 *   `ID.vendored` (with the proof file's expectation, cross-check and
 *   whole-domain proof, all of which were written for that line). The report
 *   folds the two together (foldCopyReport).
 * - A step whose line was deleted is checked on the original line and listed.
 * - A chain link whose text starts with its relation takes its left side from
 *   the link before it: after an edited link it computes the edited side.
 *   Its hand-built left side transcribes the original, so it is not compared.
 */
import type { Check, ChainInfo, Lemma } from '../language/lemma.js';
import { compileChecks, NotesMismatchError } from './bind-notes.js';
import { followFragment, type NotesAlignment } from './line-alignment.js';
import { normaliseWhitespace, type NotesFile, type NotesPosition } from './notes-file.js';

/** A changed line of the copy that does not compile: a usage error naming the copy's line and column. */
export class NotesCopyError extends Error {
  override name = 'NotesCopyError';
}

/** Where a transcribed text went in the copy. */
export type Followed =
  | { kind: 'same'; at: NotesPosition }
  | { kind: 'changed'; at: NotesPosition; text: string }
  | { kind: 'deleted' };

/** What the copy did to one step's line (unchanged steps have none). */
export interface StepEdit {
  /** follows: the text is unchanged, but its left side is the right side of an edited link before it. */
  kind: 'changed' | 'deleted' | 'follows';
  /** The line in the notes the proof file transcribes, and the step's text there. */
  vendored: { line: number; notes: string };
  /** The step's line and text in the copy (a changed step). */
  copy?: { line: number; notes: string };
}

export interface CopyBinding {
  lemma: Lemma;
  /** By step id: the changed and deleted steps. */
  edits: Map<string, StepEdit>;
}

export const VENDORED_SUFFIX = '.vendored';

/** The text at `at` in the original, followed to the copy. */
export function follow(text: string, at: NotesPosition, original: NotesFile, copy: NotesFile, alignment: NotesAlignment): Followed {
  const fate = alignment.fateOf(at.line);
  if (fate.kind === 'deleted') return { kind: 'deleted' };
  const start = original.offsetOf(at);
  // advance() steps over the whitespace after the text: the fragment ends at its last character.
  let end = original.advance(start, text, text.length);
  while (end > start && /\s/.test(original.text[end - 1])) end--;
  const lineStart = original.offsetOf({ line: at.line, column: 1 });
  const oldLine = original.lineText(at.line);
  // A text running over several lines: unchanged only where it still reads the same from the mapped line.
  if (end - lineStart > oldLine.length) {
    const found = copy.occurrences(text, { line: fate.line })[0];
    return found ? { kind: 'same', at: found } : { kind: 'deleted' };
  }
  const newLine = copy.lineText(fate.line);
  const [from, to] = followFragment(oldLine, newLine, start - lineStart, Math.min(end, lineStart + oldLine.length) - lineStart);
  const moved = { line: fate.line, column: from + 1 };
  if (to <= from) return { kind: 'deleted' };
  const now = newLine.slice(from, to);
  return normaliseWhitespace(now) === normaliseWhitespace(text) ? { kind: 'same', at: moved } : { kind: 'changed', at: moved, text: now };
}

/** The lemma bound to the copy, with the original line of every changed step beside it. */
export function bindNotesCopy(lemma: Lemma, original: NotesFile, copy: NotesFile, alignment: NotesAlignment): CopyBinding {
  const locate = (text: string, what: string, near?: NotesPosition): NotesPosition => {
    const found = (near && original.occurrences(text, near)[0]) ?? original.occurrences(text)[0];
    if (!found) throw new NotesMismatchError(`lemma ${lemma.id}, ${what}: not in the notes: ${normaliseWhitespace(text).slice(0, 90)}`);
    return found;
  };
  const edits = new Map<string, StepEdit>();
  const chains: ChainInfo[] = lemma.chains.map((chain) => {
    const at = locate(chain.notes, `chain '${chain.id}'`);
    const followed = follow(chain.notes, at, original, copy, alignment);
    if (followed.kind === 'deleted') return { ...chain };
    return { ...chain, notesAt: followed.at, ...(followed.kind === 'changed' ? { notes: followed.text } : {}) };
  });
  const chainAt = new Map(lemma.chains.map((c) => [c.id, locate(c.notes, `chain '${c.id}'`)]));
  // The original form of every check (errata as they are), compiled as in a run on the original notes.
  const inOriginal: Check[] = lemma.checks.map((check) =>
    check.form === 'erratum' ? check : { ...check, notesAt: locate(check.notes, `step '${check.id}'`, check.chain ? chainAt.get(check.chain.id) : undefined) },
  );
  const originalCompiled = compileChecks(lemma.id, inOriginal, original);
  // The copy's form of every notes line; a changed line is compiled from its new LaTeX alone.
  const inCopy: Check[] = [];
  for (const check of inOriginal) {
    if (check.form === 'erratum') continue;
    const followed = follow(check.notes, check.notesAt!, original, copy, alignment);
    const vendored = { line: check.notesAt!.line, notes: check.notes };
    if (followed.kind === 'deleted') {
      edits.set(check.id, { kind: 'deleted', vendored });
      inCopy.push({ ...check, notesAt: undefined });
    } else if (followed.kind === 'same') inCopy.push({ ...check, notesAt: followed.at });
    else {
      if (!check.notation) throw new NotesCopyError(`${copy.path}:${followed.at.line}:${followed.at.column}: lemma ${lemma.id}, step '${check.id}': the line changed, and the lemma gives no notation to compile it with`);
      edits.set(check.id, { kind: 'changed', vendored, copy: { line: followed.at.line, notes: followed.text } });
      inCopy.push({ ...check, notes: followed.text, notesAt: followed.at, expect: undefined, handTranscribed: undefined });
    }
  }
  let copyCompiled: Check[];
  try {
    copyCompiled = compileChecks(lemma.id, inCopy, copy);
  } catch (err) {
    if (!(err instanceof NotesMismatchError)) throw err;
    // "lemma L, step 'S': copy.md:211:14: no meaning for …" → the copy's place first, one line.
    const m = /^(lemma [^,]+, step '[^']+'): (\S+:\d+:\d+): (.*)$/s.exec(err.message);
    throw new NotesCopyError(m ? `${m[2]}: ${m[1]}: the changed line does not compile: ${m[3].split('\n')[0]}` : err.message.split('\n')[0]);
  }
  const byId = new Map(copyCompiled.map((c) => [c.id, c]));
  const checks: Check[] = [];
  for (const check of originalCompiled) {
    if (check.form === 'erratum') {
      checks.push(check);
      continue;
    }
    const now = byId.get(check.id)!;
    const previous = check.chain && check.chain.link > 1 ? `${check.chain.id}.${check.chain.link - 1}` : undefined;
    const kind = edits.get(check.id)?.kind;
    if (kind === undefined && previous !== undefined && edits.get(previous)?.kind !== undefined && edits.get(previous)?.kind !== 'deleted' && now.lhs === byId.get(previous)!.rhs) {
      edits.set(check.id, { kind: 'follows', vendored: { line: check.notesAt!.line, notes: check.notes } });
      checks.push(now.transcription ? { ...now, transcription: { relation: now.transcription.relation, ...(now.transcription.rhs ? { rhs: now.transcription.rhs } : {}) } } : now);
      continue;
    }
    if (kind !== 'changed') {
      checks.push(now);
      continue;
    }
    // The hand-built sides transcribe the original line: they are cross-checked there, not against the copy.
    checks.push({ ...now, transcription: { relation: now.relation } });
    checks.push({ ...check, id: `${check.id}${VENDORED_SUFFIX}`, vendoredOf: check.id });
  }
  const renamed = (id: string): string => (edits.get(id)?.kind === 'changed' ? `${id}${VENDORED_SUFFIX}` : id);
  const wholeDomain = Object.fromEntries(Object.entries(lemma.wholeDomain).map(([id, spec]) => [renamed(id), spec]));
  const regions = lemma.regions.map((r) => (r.steps ? { ...r, steps: r.steps.flatMap((id) => (renamed(id) === id ? [id] : [id, renamed(id)])) } : r));
  const accountsAt = (lemma.accounts ?? []).flatMap((a) => {
    const followed = follow(a.notes, locate(a.notes, 'an account'), original, copy, alignment);
    return followed.kind === 'deleted' ? [] : [{ line: followed.at.line, reason: a.reason }];
  });
  return { lemma: { ...lemma, checks, chains, accountsAt, wholeDomain, regions }, edits };
}
