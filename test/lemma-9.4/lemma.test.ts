import { describe, expect, it } from 'vitest';
import { checkLemma } from '../../src/checker/check-lemma.js';
import { DEFAULT_SEED } from '../../src/checker/options.js';
import type { LemmaReport } from '../../src/checker/report.js';
import { defineLemma } from '../../src/language/lemma.js';
import lemma, { lemma94 } from '../../proofs/lemma-9.4.js';
import { dropFactor, flipRelation, flipSign, mutant, rewrite } from './mutate.js';


describe('Lemma 9.4 on certified gradient-descent trajectories (default run)', () => {
  let report: LemmaReport;
  it('holds, certified, at every step, on at least 100 trajectories, with narrow enclosures', async () => {
    report = await checkLemma(lemma, { seed: DEFAULT_SEED });
    expect(report.error).toBeUndefined();
    expect(report.runs).toBeGreaterThanOrEqual(100);
    expect(report.steps.map((s) => s.id)).toContain('claim');
    for (const s of report.steps) {
      expect({ id: s.id, verdict: s.verdict, certified: s.certified }).toEqual({ id: s.id, verdict: 'held', certified: true });
      expect(s.instances).toBeGreaterThanOrEqual(100);
      expect(s.counts.inconclusive + s.counts.undefined + s.counts.error).toBe(0);
    }
    expect(report.chains.every((c) => c.verdict === 'held')).toBe(true);
    expect(report.notes['largest enclosure width']).toBeLessThan(1e-10);
    expect(report.notes["box steps (σ' straddled)"]).toBe(0);
  });

  it('relaxing η ≤ 1 to η ∈ (1, 2] refutes only the step that uses it; the claim itself survives', () => {
    const [relaxed] = report.relaxations;
    expect(relaxed.domain).toBe('η ∈ (1, 2]');
    expect(relaxed.hypothesis).toBe('η ≤ 1');
    const verdict = (id: string) => relaxed.steps.find((s) => s.id === id);
    const oneLeTwoMinusEta = verdict('telescope.1')!;
    expect(oneLeTwoMinusEta.verdict).toBe('refuted');
    expect(oneLeTwoMinusEta.counterexample?.replay.command).toContain('--replay');
    expect((oneLeTwoMinusEta.counterexample?.instance as { eta: number }).eta).toBeGreaterThan(1);
    expect(relaxed.matters).toBe(true);
    // Every other step, the claim included, is proved for η up to 2: η‖∇R̂‖² ≤ 0.41·η·R̂ < R̂.
    for (const s of relaxed.steps.filter((x) => x.id !== 'telescope.1')) expect({ id: s.id, verdict: s.verdict }).toEqual({ id: s.id, verdict: 'held' });
  });

  it('beyond η ≈ 2.455 the claim itself fails: a certified counterexample for η ∈ (2.5, 8]', () => {
    const beyond = report.relaxations[1];
    expect(beyond.domain).toBe('η ∈ (2.5, 8]');
    const claim = beyond.steps.find((s) => s.id === 'claim')!;
    expect(claim.verdict).toBe('refuted');
    expect((claim.counterexample?.instance as { eta: number }).eta).toBeGreaterThan(2.5);
    expect(claim.counterexample!.violation).toBeGreaterThan(0);
  });
});

interface Sized {
  setting: { n: number; m: number; d: number };
  t: number;
}
const size = (x: unknown): number => {
  const { setting, t } = x as Sized;
  return setting.n * setting.m * setting.d + t;
};

async function expectShrunkRefutation(spec: typeof lemma94, stepId: string): Promise<void> {
  const mutated = defineLemma(spec);
  const report = await checkLemma(mutated, { seed: DEFAULT_SEED });
  const step = report.steps.find((s) => s.id === stepId)!;
  expect(step.verdict).toBe('refuted');
  expect(step.certified).toBe(true);
  const cx = step.counterexample!;
  expect(cx.replay.path).not.toBe('');
  expect(cx.violation).toBeGreaterThan(0);
  expect(size(cx.instance)).toBeLessThanOrEqual(size(cx.worst!.instance));
  // The printed replay reproduces the refutation.
  const replay = await checkLemma(mutated, { seed: cx.replay.seed, replay: { path: cx.replay.path, step: stepId } });
  expect(replay.steps[0].verdict).toBe('refuted');
}

describe('mutants of Lemma 9.4 are refuted with shrunk counterexamples', () => {
  const runs = 40;

  it('a factor dropped: the decomposition without η² on ‖∇R̂(W_i)‖²', async () => {
    const spec = mutant(lemma94, 'decomposition', (s) => ({ ...s, rhs: rewrite(s.rhs, 'η²·‖∇R̂(Wᵢ)‖²', dropFactor('right')) }), runs);
    await expectShrunkRefutation(spec, 'decomposition');
  });

  it('a relation flipped: the one-step inequality as ≥', async () => {
    await expectShrunkRefutation(mutant(lemma94, 'one-step', flipRelation, runs), 'one-step');
  });

  it('a sign changed: the decomposition with + 2η⟨∇R̂(W_i), W_i − Z⟩', async () => {
    const spec = mutant(lemma94, 'decomposition', (s) => ({ ...s, rhs: rewrite(s.rhs, '‖Wᵢ − Z‖² − 2·η·⟨∇R̂(Wᵢ), Wᵢ − Z⟩', flipSign) }), runs);
    await expectShrunkRefutation(spec, 'decomposition');
  });
});
