/**
 * The lecture's own Theorem 10.1 on the two data sets of the certified-regions acceptance, through the
 * command line: the report separates the refuted and the held stretches along t, and every stretch
 * it prints is certified over the whole interval (undecided gaps are reported as such, with their width).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../fixtures/run-verify.js';
import type { AuditReport } from '../../src/checker/report.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lemmacheck-acceptance-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const CASES = [
  { name: 'four axis points', data: { X: [[1, 0, 0], [0, 1, 0], [0, 0, -1], [0, -1, 0]], y: [1, 1, -1, -1] }, held: [0.27, 0.36] },
  { name: 'two axis points', data: { X: [[-1, 0], [0, -1]], y: [-1, 1] }, held: [0.4, 0.45] },
] as const;

describe('--instance: Theorem 10.1 region scans on the acceptance data sets', () => {
  for (const { name, data, held } of CASES) {
    it(`${name}: undefined, refuted, held at t ≈ ${held[0]}–${held[1]}, refuted, …, held for large t; every stretch certified`, async () => {
      const file = join(scratch, `${name.replace(/ /g, '-')}.json`);
      const json = join(scratch, `${name.replace(/ /g, '-')}-report.json`);
      await writeFile(file, JSON.stringify(data));
      const run = await verify('--lemma', 'thm-10.1', '--instance', file, '--json', json, '--no-color');
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(await readFile(json, 'utf8')) as AuditReport;
      const step = report.lemmas[0].steps.find((s) => s.id === 'statement')!;
      const [scan] = step.regionScans!;
      const decided = scan.stretches.filter((s) => s.verdict !== 'undecided');
      // In order along t: undefined (2tneγ̄² ≤ 1), refuted, the held stretch, refuted again, … held for large t.
      expect(decided.slice(0, 4).map((s) => s.verdict)).toEqual(['undefined', 'refuted', 'held', 'refuted']);
      expect(decided[decided.length - 1].verdict).toBe('held');
      const middle = decided[2];
      expect(middle.from).toBeLessThanOrEqual(held[0]);
      expect(middle.to).toBeGreaterThanOrEqual(held[1]);
      // No refuted stretch overlaps a held one, and the stretches tile the range with gaps marked undecided.
      for (let k = 1; k < scan.stretches.length; k++) expect(scan.stretches[k].from).toBe(scan.stretches[k - 1].to);
      const gaps = scan.stretches.filter((s) => s.verdict === 'undecided').reduce((w, s) => w + (s.to - s.from), 0);
      expect(scan.undecidedWidth).toBeCloseTo(gaps, 9);
      expect(run.stdout).toMatch(/region scan +held for every t in \[0\.\d+, 0\.\d+\]/);
    }, 600_000);
  }
});
