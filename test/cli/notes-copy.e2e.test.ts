/**
 * End-to-end: `npm run verify -- --notes COPY` on an edited copy of the notes. The fixture
 * test/fixtures/notes-copy/corrected.md is the vendored notes with the lines the audit refutes
 * corrected (as their errata read): each corrected line must be computed from the copy and
 * certified held, beside its original line, refuted (expected) in the same run.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/checker/report.js';
import { ROOT, verify } from '../fixtures/run-verify.js';

const CORRECTED = 'test/fixtures/notes-copy/corrected.md';
/** The lemmas whose lines the fixture corrects (the others read their lines unchanged). */
const LEMMAS = ['prop-10.1', 'lemma-10.1', 'thm-10.1'];

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lemmacheck-copy-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('npm run verify -- --notes corrected.md', () => {
  it('reports every changed line with both texts and both verdicts, each corrected line now holds, and exits 0', async () => {
    const json = join(scratch, 'corrected.json');
    const htmlDir = join(scratch, 'html');
    const run = await verify('--no-color', '--notes', CORRECTED, ...LEMMAS.flatMap((l) => ['--lemma', l]), '--json', json, '--html', htmlDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(await readFile(json, 'utf8')) as AuditReport;
    // The changed lines, found here by comparing the two files line by line (the fixture keeps every line in place).
    const [vendored, corrected] = await Promise.all([readFile(join(ROOT, 'notes/lecture-15.md'), 'utf8'), readFile(join(ROOT, CORRECTED), 'utf8')]).then((t) => t.map((s) => s.split('\n')));
    const changed = vendored.flatMap((line, k) => (line !== corrected[k] ? [k + 1] : []));
    expect(changed.length).toBeGreaterThanOrEqual(5);
    const copy = report.notesCopy!;
    expect(copy.changed.map((c) => [c.vendoredLine, c.copyLine])).toEqual(changed.map((l) => [l, l]));
    expect(copy.deleted).toEqual([]);
    expect(copy.added).toEqual([]);
    for (const line of copy.changed) {
      expect(line.vendored).toBe(vendored[line.vendoredLine - 1]);
      expect(line.copy).toBe(corrected[line.copyLine - 1]);
      expect(line.steps.length).toBeGreaterThan(0);
      expect(run.stdout).toContain(`L${line.vendoredLine} → L${line.copyLine}`);
    }
    const steps = report.lemmas.flatMap((l) => l.steps.filter((s) => s.edit).map((s) => ({ lemma: l.id, ...s })));
    const corrections = steps.filter((s) => s.edit!.vendored.expected === 'refuted');
    // The known refuted lines: ‖ẇ(t)‖ → ‖w(t)‖, log → log² (Lemma 10.1, three lines), > → ≥ and ŵ → w (Prop. 10.1), the statement and the remark of Thm 10.1.
    expect(corrections.map((s) => `${s.lemma} ${s.id}`).sort()).toEqual(
      [
        'lemma-10.1 claim-2.4', 'lemma-10.1 norm-bound', 'lemma-10.1 risk-bound',
        'prop-10.1 limit.linear.2', 'prop-10.1 limit.relu.2', 'prop-10.1 sum-above-max.linear', 'prop-10.1 sum-above-max.relu',
        'thm-10.1 remark.sandwich', 'thm-10.1 statement', 'thm-10.1 u-lower.4',
      ].sort(),
    );
    for (const s of corrections) {
      // Both verdicts certified in this run: the original refuted with a counterexample, the copy's line held.
      expect([s.edit!.vendored.verdict, s.edit!.vendored.surprise, s.edit!.vendored.counterexample !== undefined]).toEqual(['refuted', false, true]);
      expect([s.verdict, s.certified, s.computedFrom, s.edit!.outcome, s.surprise]).toEqual(['held', true, 'notes', 'now holds', false]);
      expect(s.notes).toBe(s.edit!.copy!.notes);
      expect(s.notesLine).toBe(s.edit!.copy!.line);
    }
    // Steps on a changed line whose own text changed but which held before must hold still.
    for (const s of steps.filter((x) => x.edit!.vendored.expected === 'held')) expect([s.id, s.edit!.outcome]).toEqual([s.id, 'holds']);
    expect(run.stdout).toMatch(/the corrected line now holds/);
    expect((await readFile(join(htmlDir, 'index.html'), 'utf8')).match(/<strong>now holds<\/strong>/g)?.length).toBe(corrections.length);
    expect(report.summary.surprises).toBe(0);
  }, 600_000);

  it('a changed line that does not compile is one line naming the copy, line and column, and exit 2', async () => {
    const copy = join(scratch, 'broken.md');
    const text = (await readFile(join(ROOT, 'notes/lecture-15.md'), 'utf8')).replace(String.raw`\ell'(z) = \frac{-\exp(-z)}{1 + \exp(-z)}`, String.raw`\ell'(z) = \frac{-\exp(-z)}{1 + \exp(-z}`);
    await writeFile(copy, text);
    const line = text.split('\n').findIndex((l) => l.includes(String.raw`{1 + \exp(-z}`)) + 1;
    const run = await verify('--no-color', '--notes', copy, '--lemma', 'logistic-loss');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^lemmacheck: --notes: \\S*broken.md:${line}:\\d+: lemma logistic-loss, step '[^']+': the changed line does not compile: .+\\n$`));
  }, 120_000);

  it("shards of a run on a copy merge into the same report, the copy's section included", async () => {
    const copy = join(scratch, 'doubled.md');
    await writeFile(copy, (await readFile(join(ROOT, 'notes/lecture-15.md'), 'utf8')).replace(String.raw`-\ell'(z) \leq \ell(z)`, String.raw`-\ell'(z) \leq 2 \ell(z)`));
    const shards = [join(scratch, 'shard-1.json'), join(scratch, 'shard-2.json')];
    for (const [k, file] of shards.entries()) expect((await verify('--no-color', '--notes', copy, '--lemma', 'logistic-loss', '--shard', `${k + 1}/2`, '--json', file)).code).toBe(0);
    const merged = join(scratch, 'merged.json');
    const run = await verify('--no-color', '--notes', copy, '--merge', ...shards, '--json', merged);
    expect(run.code).toBe(0);
    const report = JSON.parse(await readFile(merged, 'utf8')) as AuditReport;
    expect(report.notesCopy!.changed.map((c) => c.steps.map((s) => [s.step, s.vendoredVerdict, s.verdict, s.outcome]))).toEqual([[['useful-fact.2', 'held', 'held', 'holds']]]);
    expect(run.stdout).toContain('logistic-loss useful-fact.2: held → held (holds)');
  }, 120_000);
});
