import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './usage-error.js';

/** The repository root, found from this file rather than the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const DEFAULT_PROOFS_DIR = join(REPO_ROOT, 'proofs');

/** Every *.ts directly in `dir` (not .d.ts), sorted by name: the order of the report. */
export function listProofFiles(dir: string): string[] {
  const absolute = resolve(dir);
  let names: string[];
  try {
    if (!statSync(absolute).isDirectory()) throw new UsageError(`--proofs: not a directory: ${dir}`);
    names = readdirSync(absolute);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read the proofs directory ${dir}: ${(err as Error).message}`);
  }
  const files = names
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(absolute, name));
  if (files.length === 0) throw new UsageError(`no proof files (*.ts) in ${dir}`);
  return files;
}

/** A path as reports show it: relative to the repository when inside it, with forward slashes. */
export function displayPath(file: string): string {
  const rel = relative(REPO_ROOT, file);
  const shown = rel.startsWith('..') ? file : rel;
  return shown.split(sep).join('/');
}

/** Removes the machine's repository path from messages, so reports compare across checkouts. */
export function withoutRepoRoot(message: string): string {
  const root = REPO_ROOT.endsWith(sep) ? REPO_ROOT : REPO_ROOT + sep;
  const rootUrl = new URL('../../', import.meta.url).href;
  return message.split(rootUrl).join('').split(root).join('');
}
