import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleAuditReport } from '../../src/checker/audit.js';
import { checkLemma } from '../../src/checker/check-lemma.js';
import type { LemmaReport } from '../../src/checker/report.js';
import { lit, param, sqr } from '../../src/language/builder.js';
import { defineLemma } from '../../src/language/lemma.js';
import { formatConsoleReport } from '../../src/reporters/console.js';

// A slide with one true line and one false one, the false one corrected by an erratum and located by a region scan.
const t = param('t');
const slide = defineLemma({
  id: 'square-bound',
  title: 't² ≥ t for t > 0',
  source: 'test slide',
  runs: 40,
  hypotheses: { t: { arbitrary: fc.integer({ min: 1, max: 4000 }).map((k) => k / 1000), domain: 't ∈ (0, 4]' } },
  regions: [{ parameter: 't', range: [1e-3, 4] }],
  proof: [
    { id: 'square-nonnegative', notes: 't^2 \\geq 0', lhs: sqr(t), relation: '≥', rhs: lit(0), why: 'squares' },
    {
      id: 'square-above',
      notes: 't^2 \\geq t',
      lhs: sqr(t),
      relation: '≥',
      rhs: t,
      why: 'wrong below 1',
      erratum: { notes: 't^2 + \\tfrac14 \\geq t', lhs: sqr(t).plus(lit(0.25)), why: '(t − 1/2)² ≥ 0' },
    },
  ],
});

const withoutTiming = (r: LemmaReport): LemmaReport => ({ ...r, timing: { ms: 0 } });

describe('the whole failure message at a fixed seed', () => {
  it('is pinned by a snapshot', async () => {
    const report = withoutTiming(await checkLemma(slide, { seed: 42 }));
    const audit = assembleAuditReport([report], { seed: 42, runs: null, ms: 0 });
    await expect(formatConsoleReport(audit, { level: 0, width: 100 })).toMatchFileSnapshot('./__snapshots__/square-bound.txt');
  });

  it('replays the printed counterexample to the same enclosures', async () => {
    const report = await checkLemma(slide, { seed: 42 });
    const cx = report.steps.find((s) => s.id === 'square-above')!.counterexample!;
    const replayed = await checkLemma(slide, { seed: cx.replay.seed, replay: { path: cx.replay.path, step: 'square-above' } });
    const again = replayed.steps[0].counterexample!;
    expect(again.instance).toEqual(cx.instance);
    expect([again.lhs, again.rhs]).toEqual([cx.lhs, cx.rhs]);
  });
});
