import { closeSync, mkdirSync, openSync, statSync, unlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/**
 * Fails before the run when `file` (--json) could not be written after it: a
 * directory in its place, a parent that is a file, no permission, a read-only
 * file system. Tries it for real (a probe file beside it, as the atomic write
 * will create), because permission bits alone do not say it (root ignores them).
 */
export function assertWritableOutput(flag: string, file: string): void {
  const target = resolve(file);
  const fail = (why: string): never => {
    throw new UsageError(`${flag}: cannot write ${file}: ${why}`, false);
  };
  try {
    if (statSync(target).isDirectory()) fail('it is a directory');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') fail('a parent of it is a file, not a directory');
    if (code !== 'ENOENT') fail((err as Error).message);
  }
  const probe = `${target}.${process.pid}.probe`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    fail(e.code ? `${e.code} (${e.syscall ?? 'write'} ${e.path ?? dirname(target)})` : e.message);
  }
}
