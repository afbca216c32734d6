import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLemma } from '../../src/checker/check-lemma.js';
import { lit, normSq, param, sum } from '../../src/language/builder.js';
import { defineLemma } from '../../src/language/lemma.js';

const X = param('X');
const c = param('c');
const scale = { arbitrary: fc.double({ min: 1, max: 2, noNaN: true }), domain: 'c ∈ [1, 2]' };
const lemma = defineLemma({
  id: 'scaled-data',
  title: 'a step along c on a data set',
  source: 'test',
  runs: 2,
  regions: [{ parameter: 'c', range: [1, 2] }],
  hypotheses: { data: { arbitrary: fc.constant({ X: [[0.5]], y: [1], n: 1 }), domain: 'one point', integers: ['n'] }, c: scale },
  fromDataset: (data) => scale.arbitrary.map((value) => ({ data: { X: data.X, y: data.y, n: data.X.length }, c: value })),
  proof: [{ id: 'scaled-sum', notes: 'c \\sum_i \\|x_i\\|^2 \\le 2n', lhs: c.times(sum('i', 1, param('n'), (i) => normSq(X.at(i)))), relation: '≤', rhs: lit(2).times(param('n')), why: '‖x_i‖ ≤ 1, c ≤ 2' }],
});

const dir = mkdtempSync(join(tmpdir(), 'lemmacheck-plots-'));
const file = (points: number): string => {
  const path = join(dir, `${points}.json`);
  writeFileSync(path, JSON.stringify({ X: Array.from({ length: points }, (_, k) => [(k % 7) / 8]), y: Array.from({ length: points }, () => 1) }));
  return path;
};

describe("plots on a user's data set", () => {
  it('are computed up to 2,000 points', async () => {
    const report = await checkLemma(lemma, { seed: 1, instanceFile: file(2000) });
    expect(report.steps[0].verdict).toBe('held');
    expect(report.steps[0].series?.length).toBeGreaterThan(0);
    expect(report.domain.instance).not.toMatch(/no plots/);
  });

  it('are not computed above, and the domain line says so; the verdicts are the same', async () => {
    const report = await checkLemma(lemma, { seed: 1, instanceFile: file(2001) });
    expect(report.steps[0].verdict).toBe('held');
    expect(report.steps[0].series).toBeUndefined();
    expect(report.domain.instance).toMatch(/; no plots above 2,000 points \(each re-evaluates the steps at every value of its grid\)$/);
  });

  it('a run that computes no plots (a console run) does not mention them', async () => {
    const report = await checkLemma(lemma, { seed: 1, instanceFile: file(2001), plots: false });
    expect(report.domain.instance).not.toMatch(/plots/);
  });
});
