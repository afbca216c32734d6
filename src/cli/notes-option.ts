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
  if (proofs === undefined || resolve(proofs) === DEFAULT_PROOFS_DIR) return DEFAULT_NOTES_FILE;
  const beside = join(resolve(proofs), 'notes.md');
  return existsSync(beside) ? beside : undefined;
}
