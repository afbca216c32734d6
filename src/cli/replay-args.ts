import { resolve } from 'node:path';
import type { CliArgs } from './args.js';
import { DEFAULT_PROOFS_DIR, displayPath } from './proof-files.js';

/** A word as a POSIX shell reads it back unchanged: bare when it is safe, else in single quotes. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The flags besides lemma, seed, path and step that a printed replay command
 * needs to reproduce the instance it names: the user's data set or the profile, a
 * copy of the notes and a non-default proofs directory. Paths as the report shows them (relative to
 * the repository, where `npm run verify` runs, or absolute).
 */
export function replayArgs(args: CliArgs): string[] {
  const out: string[] = [];
  if (args.instance !== undefined) out.push('--instance', shellWord(displayPath(resolve(args.instance))));
  if (args.profile !== undefined) out.push('--profile', args.profile);
  // A copy of the notes compiles its own lines: the replay must read the same copy.
  if (args.notes !== undefined) out.push('--notes', shellWord(displayPath(resolve(args.notes))));
  if (args.proofs !== undefined && resolve(args.proofs) !== resolve(DEFAULT_PROOFS_DIR)) out.push('--proofs', shellWord(displayPath(resolve(args.proofs))));
  return out;
}
