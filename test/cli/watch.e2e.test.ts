/**
 * End-to-end: --watch checks once, then reruns the lemmas of a proof file that
 * is touched or edited, and says what changed since the last run.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedLines, describeChanges, lemmasTouchedByNotes, verdictChanges } from '../../src/cli/watch-changes.js';
import { auditReport } from '../fixtures/reports/audit-report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILDER = pathToFileURL(join(ROOT, 'src/language/builder.ts')).href;
const LEMMA = pathToFileURL(join(ROOT, 'src/language/lemma.ts')).href;
// The proofs live outside the repository, so they import fast-check by its path.
const FAST_CHECK = pathToFileURL(createRequire(import.meta.url).resolve('fast-check')).href;

/** A one-step lemma on x ∈ [−1, 1]: `x^2 >= bound`, held for bound 0, refuted for bound 1. */
const proof = (id: string, bound: number): string => `import fc from ${JSON.stringify(FAST_CHECK)};
import { lit, param, sqr } from ${JSON.stringify(BUILDER)};
import { defineLemma } from ${JSON.stringify(LEMMA)};
const x = param('x');
export default defineLemma({
  id: '${id}', title: 'x² ≥ ${bound}', source: 'test', runs: 10,
  hypotheses: { x: { arbitrary: fc.double({ min: -1, max: 1, noNaN: true }), domain: 'x ∈ [−1, 1]' } },
  proof: [{ id: 'lower', notes: 'x^2 \\\\ge ${bound}', lhs: sqr(x), relation: '≥', rhs: lit(${bound}), why: 'squares' }],
});
`;

let scratch: string;
let child: ChildProcessWithoutNullStreams;
let output = '';
const waitFor = async (count: number, marker: string, timeoutMs = 60_000): Promise<string> => {
  const started = Date.now();
  while (output.split(marker).length - 1 < count) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for '${marker}' #${count}; output:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return output;
};
const WATCHING = 'for changes (Ctrl-C to stop)';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lemmacheck-watch-'));
  await writeFile(join(scratch, 'package.json'), '{ "type": "module" }\n');
  await mkdir(join(scratch, 'proofs'));
  await writeFile(join(scratch, 'proofs', 'a.ts'), proof('alpha', 0));
  await writeFile(join(scratch, 'proofs', 'b.ts'), proof('beta', 0));
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--watch', '--proofs', join(scratch, 'proofs')], { cwd: ROOT, env });
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
});
afterAll(async () => {
  child?.kill('SIGINT');
  await rm(scratch, { recursive: true, force: true });
});

describe('--watch', () => {
  it('checks everything first, then reruns only the touched file’s lemmas', async () => {
    const first = await waitFor(1, WATCHING);
    expect(first).toContain('run 1 · first run');
    expect(first).toContain('\nalpha — ');
    expect(first).toContain('\nbeta — ');
    const now = new Date();
    await utimes(join(scratch, 'proofs', 'a.ts'), now, new Date(now.getTime() + 5000));
    const second = (await waitFor(2, WATCHING)).slice(first.length);
    expect(second).toMatch(/run 2 · .*a\.ts changed: rerunning the lemmas of .*a\.ts/);
    expect(second).toContain('\nalpha — ');
    expect(second).not.toContain('\nbeta — ');
    expect(second).toContain('no verdict changed since the last run');
  });

  it('shows a step newly refuted by an edit, and the summary over all lemmas', async () => {
    const before = output.length;
    await writeFile(join(scratch, 'proofs', 'b.ts'), proof('beta', 1));
    const third = (await waitFor(3, WATCHING)).slice(before);
    expect(third).toContain('\nbeta — ');
    expect(third).toContain('newly refuted: beta lower (held → refuted)');
    expect(third).toMatch(/Summary · seed \d+ · 2 lemmas/);
  });
});

describe('what watch mode compares', () => {
  it('finds the replaced lines of a text', () => {
    expect(changedLines('a\nb\nc\n', 'a\nB\nc\n')).toEqual({ from: 2, to: 2 });
    expect(changedLines('a\nc', 'a\nb\nc')).toEqual({ from: 2, to: 1 });
    expect(changedLines('same', 'same')).toBeNull();
  });

  it('reruns the lemmas with a step on a changed notes line, or whose step text is gone', () => {
    const [first, second] = auditReport.lemmas;
    const onLine = (lemma: typeof first, line: number) => ({ ...lemma, steps: lemma.steps.map((s) => ({ ...s, notesLine: line })) });
    const notes = ['# notes', ...first.steps.map((s) => s.notes), ...second.steps.map((s) => s.notes), 'end'].join('\n');
    const reports = [onLine(first, 2), onLine(second, 2 + first.steps.length)];
    const editedLast = notes.replace(/end$/, 'the end');
    expect(lemmasTouchedByNotes(reports, notes, editedLast)).toEqual([]);
    const lines = notes.split('\n');
    lines[1] = `${lines[1]} (edited)`;
    expect(lemmasTouchedByNotes(reports, notes, lines.join('\n'))).toEqual([first.id]);
  });

  it('lists verdicts that changed, and says so when none did', () => {
    const [lemma] = auditReport.lemmas;
    const flipped = { ...lemma, steps: lemma.steps.map((s, k) => (k === 0 ? { ...s, verdict: 'refuted' as const } : s)) };
    expect(describeChanges(verdictChanges([lemma], [flipped]))).toEqual([`newly refuted: ${lemma.id} ${lemma.steps[0].id} (${lemma.steps[0].verdict} → refuted)`]);
    expect(describeChanges(verdictChanges([lemma], [lemma]))).toEqual(['no verdict changed since the last run']);
  });
});
