import { accessSync, constants, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_NOTES_FILE } from '../notes/notes-file.js';
import { DEFAULT_PROOFS_DIR } from './proof-files.js';
import { UsageError } from './usage-error.js';

/**
 * The notes file the proofs are checked against: --notes FILE; else, for --proofs DIR,
 * DIR/notes.md when it exists (a directory of proofs of other notes brings its own);
 * else the vendored notes for the project's own proofs. Undefined: other proofs, no notes.
 */
export function resolveNotesFile(notes: string | undefined, proofs: string | undefined): string | undefined {
  if (notes !== undefined) {
    const file = resolve(notes);
    try {
      accessSync(file, constants.R_OK);
    } catch {
      throw new UsageError(`--notes: cannot read ${notes}`, false);
    }
    return file;
  }
  return ownNotes(proofs);
}

/** The notes the proofs transcribe: the vendored notes for the project's own proofs, else DIR/notes.md when it exists. */
function ownNotes(proofs: string | undefined): string | undefined {
  if (proofs === undefined || resolve(proofs) === DEFAULT_PROOFS_DIR) return DEFAULT_NOTES_FILE;
  const beside = join(resolve(proofs), 'notes.md');
  return existsSync(beside) ? beside : undefined;
}

/**
 * With --notes FILE, an edited copy of the notes the proofs transcribe: those notes, which every
 * step is found in and followed from to its line in the copy. Undefined without --notes, when
 * FILE is those notes, or when the proofs bring no notes (then every step must occur in FILE).
 */
export function resolveOriginalNotes(notes: string | undefined, proofs: string | undefined): string | undefined {
  if (notes === undefined) return undefined;
  const own = ownNotes(proofs);
  return own !== undefined && own !== resolve(notes) ? own : undefined;
}
