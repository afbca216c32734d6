import { describe, expect, it } from 'vitest';
import { checkLemma } from '../../src/checker/check-lemma.js';
import type { LemmaReport } from '../../src/checker/report.js';
import type { Lemma } from '../../src/language/lemma.js';
import prop101 from '../../proofs/prop-10.1.js';
import margins from '../../proofs/margins.js';
import prop102 from '../../proofs/prop-10.2.js';
import lemma101 from '../../proofs/lemma-10.1.js';
import thm101 from '../../proofs/thm-10.1.js';

const DIGITS = [30, 60, 120];

/**
 * The five lemmas on generated instances (a seed other than the default, so the
 * proofs' recorded counterexamples are not simply replayed): no step the notes
 * get right, and no erratum, is ever refuted; every expected refutation is
 * certified and replays from its printed path.
 */
describe.each([
  ['prop-10.1', prop101, 25],
  ['margins', margins, 25],
  ['prop-10.2', prop102, 25],
  ['lemma-10.1', lemma101, 25],
  ['thm-10.1', thm101, 25],
] as [string, Lemma, number][])('%s', (_id, lemma, runs) => {
  let report: LemmaReport;
  it('runs without errors; true steps and errata are never refuted', async () => {
    report = await checkLemma(lemma, { seed: 7, runs, digits: DIGITS });
    expect(report.error).toBeUndefined();
    for (const step of report.steps) {
      expect(step.counts.error, `${step.id}: ${step.message}`).toBe(0);
      if (step.expected === 'held') expect(step.counts.refuted, `${step.id} refuted`).toBe(0);
    }
  }, 60_000);

  it('expected refutations are certified and replay', async () => {
    for (const step of report.steps.filter((s) => s.expected === 'refuted' && s.verdict === 'refuted')) {
      const cx = step.counterexample!;
      expect(step.certified).toBe(true);
      expect(cx.replay.path).not.toBe('');
      const replay = await checkLemma(lemma, { seed: cx.replay.seed, digits: DIGITS, replay: { path: cx.replay.path, step: step.id } });
      expect(replay.steps[0].verdict, `${step.id} replay`).toBe('refuted');
    }
  }, 60_000);
});
