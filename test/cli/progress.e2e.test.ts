/**
 * End-to-end: on a terminal (a pseudo-TTY from `script`) lemmas appear as they
 * finish under a live status line; into a pipe the output has no status line and
 * the same text whatever the number of workers.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HEALTHY = 'test/fixtures/proofs-healthy';
const LEMMAS = ['square-on-unit', 'expand-square', 'square-nonnegative'];

function piped(...args: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.on('error', reject);
    child.on('close', () => resolve(stdout));
  });
}

const hasScript = ((): boolean => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lemmacheck-progress-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

const withoutTimes = (text: string): string => text.replace(/\d+(\.\d+)? (ms|s|min)\b/g, 'T').replace(/ +/g, ' ');

describe('progress', () => {
  it.skipIf(!hasScript)('on a terminal, prints each lemma as it finishes under a live status line', async () => {
    const log = join(scratch, 'tty.txt');
    const command = [process.execPath, '--import', 'tsx', 'src/cli/main.ts', '--proofs', HEALTHY, '--no-color', '--jobs', '2'].map((w) => `'${w}'`).join(' ');
    execFileSync('script', ['-qfec', command, log], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    const screen = await readFile(log, 'utf8');
    expect(screen).toMatch(/\r\x1b\[2K… \d\/3 lemmas · /);
    expect(screen).toMatch(/\r\x1b\[2K… 3\/3 lemmas · /);
    for (const id of LEMMAS) expect(screen).toContain(`\n${id} — `);
    // The status line is gone before the summary.
    expect(screen.slice(screen.indexOf('Summary'))).not.toMatch(/… \d\/3 lemmas/);
  });

  it('into a pipe, prints no status line and the same text in the same order with one worker or two', async () => {
    const [one, two] = [await piped('--proofs', HEALTHY, '--jobs', '1'), await piped('--proofs', HEALTHY, '--jobs', '2')];
    expect(one).not.toContain('\x1b[2K');
    expect(one).not.toMatch(/… \d\/3 lemmas/);
    expect(LEMMAS.map((id) => one.indexOf(`\n${id} — `))).toEqual([...LEMMAS.map((id) => one.indexOf(`\n${id} — `))].sort((a, b) => a - b));
    expect(withoutTimes(two)).toBe(withoutTimes(one));
  });
});
