import type { Check, ChainInfo, Lemma } from '../language/lemma.js';
import { normaliseWhitespace, type NotesFile, type NotesPosition } from './notes-file.js';

/** A proof file whose steps do not match the notes: it does not load. */
export class NotesMismatchError extends Error {
  override name = 'NotesMismatchError';
}

function shortened(text: string): string {
  const one = normaliseWhitespace(text);
  return one.length > 90 ? `${one.slice(0, 87)}…` : one;
}

/**
 * Finds every step of the lemma in the notes file. A step's text must occur
 * there verbatim (whitespace-normalised); a chain's links are looked for on
 * the chain's own line first. Errata are the corrections, so they are exempt.
 */
export function bindNotes(lemma: Lemma, notes: NotesFile): Lemma {
  const locate = (text: string, what: string, near?: NotesPosition): NotesPosition => {
    const found = (near && notes.occurrences(text, near)[0]) ?? notes.occurrences(text)[0];
    if (!found) throw new NotesMismatchError(`lemma ${lemma.id}, ${what}: not in the notes: ${shortened(text)}`);
    return found;
  };
  const chains: ChainInfo[] = lemma.chains.map((chain) => ({ ...chain, notesAt: locate(chain.notes, `chain '${chain.id}'`) }));
  const chainAt = new Map(chains.map((c) => [c.id, c.notesAt!]));
  const checks: Check[] = lemma.checks.map((check) => {
    if (check.form === 'erratum') return check;
    return { ...check, notesAt: locate(check.notes, `step '${check.id}'`, check.chain ? chainAt.get(check.chain.id) : undefined) };
  });
  return { ...lemma, checks, chains };
}
