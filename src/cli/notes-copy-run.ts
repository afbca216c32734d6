import type { LemmaReport } from '../checker/report.js';
import { notesCopyReport, type NotesCopyReport } from '../notes/copy-report.js';
import { alignNotes } from '../notes/line-alignment.js';
import { NotesFile } from '../notes/notes-file.js';
import type { LoadedProofFile } from './proof-runner.js';
import { displayPath } from './proof-files.js';
import { UsageError } from './usage-error.js';

/** A changed line of the copy that does not compile stops the run: one line naming the copy's line and column (exit 2). */
export function assertCopyCompiles(loaded: readonly LoadedProofFile[]): void {
  for (const file of loaded) {
    if ('error' in file && file.error.startsWith('NotesCopyError: ')) throw new UsageError(`--notes: ${file.error.slice('NotesCopyError: '.length).split('\n')[0]}`, false);
  }
}

/** The copy against the notes the proofs transcribe, with the steps of the lemmas run. */
export function notesCopySection(original: string, copy: string, lemmas: readonly LemmaReport[]): NotesCopyReport {
  const from = new NotesFile(displayPath(original), NotesFile.read(original).text);
  const to = new NotesFile(displayPath(copy), NotesFile.read(copy).text);
  return notesCopyReport(from, to, alignNotes(from, to), lemmas);
}
