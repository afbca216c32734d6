/**
 * The README's "Writing a new lemma" example is a whole proof file: it is run here as it stands,
 * from a proofs directory beside proofs/ (so that its imports resolve the same way).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/checker/report.js';
import { ROOT, verify } from '../fixtures/run-verify.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(ROOT, '.readme-example-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the README's new-lemma example", () => {
  it('loads, compiles every line from the notes and holds', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Writing a new lemma'));
    const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toMatch(/^\/\/ proofs\/sandwich-linear\.ts/);
    await writeFile(join(dir, 'sandwich-linear.ts'), code!);
    const json = join(dir, 'report.json');
    const run = await verify('--no-color', '--proofs', dir, '--notes', 'notes/lecture-15.md', '--json', json);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(await readFile(json, 'utf8')) as AuditReport;
    const steps = report.lemmas[0].steps;
    expect(steps.map((s) => [s.id, s.verdict, s.computedFrom, s.notesLine])).toEqual([
      ['sandwich.1', 'held', 'notes', 312],
      ['sandwich.2', 'held', 'notes', 312],
    ]);
  }, 120_000);
});
