import { describe, expect, it } from 'vitest';
import { proveStep } from '../../src/prover/prove-step.js';
import type { Lemma } from '../../src/language/lemma.js';
import type { FailingSetReport } from '../../src/checker/report.js';
import lemma101 from '../../proofs/lemma-10.1.js';
import thm101 from '../../proofs/thm-10.1.js';
import { InstanceContext, ladder } from '../../src/checker/instance-context.js';
import { DEFAULT_DIGITS } from '../../src/checker/options.js';

function failingSet(lemma: Lemma, id: string): FailingSetReport {
  const check = lemma.checks.find((c) => c.id === id)!;
  const report = proveStep(check, lemma.wholeDomain[id]);
  expect(report.verdict).toBe('refuted');
  return report.failingSet!;
}

const fails = (set: FailingSetReport) => set.stretches.filter((s) => s.kind === 'fails');

describe('failing sets in the notes’ own scalars', () => {
  it('Theorem 10.1: the bound exceeds γ̄ exactly for 1 < 2tnγ̄² < c*, c* ≈ 12.3402; undefined below 1/e', () => {
    const set = failingSet(thm101, 'statement');
    const [stretch] = fails(set);
    expect(fails(set)).toHaveLength(1);
    expect(stretch.from).toBeGreaterThan(1);
    expect(stretch.from).toBeLessThan(1 + 1e-6);
    expect(stretch.to).toBeGreaterThan(12.34);
    expect(stretch.to).toBeLessThan(12.3403);
    // c* solves log c = 2 log(1 + log c): the bracket's ends straddle it.
    const D = (c: number) => Math.log(c) - 2 * Math.log(1 + Math.log(c));
    expect(D(stretch.to)).toBeLessThan(0);
    const undefinedStretch = set.stretches.find((s) => s.kind === 'undefined')!;
    expect(undefinedStretch.to).toBeLessThan(Math.exp(-1));
    expect(undefinedStretch.to).toBeGreaterThan(Math.exp(-1) - 1e-8);
    expect(set.description).toContain('fails at least for 1 < 2tnγ̄² < 12.34');
  });

  it('Lemma 10.1: the risk bound is negative exactly for 2tnγ̄² < 1/e', () => {
    const [stretch] = fails(failingSet(lemma101, 'risk-bound'));
    expect(stretch.to).toBeLessThan(Math.exp(-1));
    expect(stretch.to).toBeGreaterThan(Math.exp(-1) - 1e-8);
  });

  it('Claim 1, third link: fails exactly for c < 1 (when m_i(ū) > γ̄)', () => {
    const set = failingSet(lemma101, 'claim-1.3');
    const [stretch] = fails(set);
    expect(stretch.to).toBeLessThan(1);
    expect(stretch.to).toBeGreaterThan(1 - 1e-8);
    expect(set.stretches.some((s) => s.kind === 'holds' && s.from === 1)).toBe(true);
  });

  it('Lemma 10.1 on one point: the risk bound fails exactly for 2tnγ̄² < c* ≈ 0.574989, the root of 2c = (2 + c)(1 + log c)', () => {
    const check = lemma101.checks.find((c) => c.id === 'risk-bound')!;
    const [set] = proveStep(check, lemma101.wholeDomain['risk-bound']).failingSets!;
    expect(set.class).toContain('one point');
    const [stretch] = fails(set);
    const holds = set.stretches.find((s) => s.kind === 'holds')!;
    // c* by plain bisection of 2c − (2 + c)(1 + log c), which is positive below it: the certified edge brackets it.
    let [lo, hi] = [0.4, 1];
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (2 * mid - (2 + mid) * (1 + Math.log(mid)) > 0) lo = mid;
      else hi = mid;
    }
    expect(stretch.to).toBeLessThanOrEqual(lo + 1e-15);
    expect(holds.from).toBeGreaterThanOrEqual(hi - 1e-15);
    expect(holds.from - stretch.to).toBeLessThan(1e-8);
    expect(set.description).toMatch(/^on one point .*fails exactly for 2tnγ̄² < 0\.5749887/);
  });

  it('the one-point closed form is the flow the checker certifies: 𝓛(w(t)) = 1/(1 + ‖x‖²t)', () => {
    const check = lemma101.checks.find((c) => c.id === 'risk-bound')!;
    for (const [x, t] of [[[0.6], 0.3], [[0, -0.5, 0], 2], [[1], 7]] as [number[], number][]) {
      const ctx = new InstanceContext(lemma101, { flow: { X: [x], y: [1], n: 1, d: x.length, t } });
      const ev = ctx.evaluator(ladder(DEFAULT_DIGITS)[0]);
      const risk = ev.scalar(check.lhs) as { lo: number; hi: number };
      const closed = 1 / (1 + x.reduce((s, v) => s + v * v, 0) * t);
      expect(Math.abs((risk.lo + risk.hi) / 2 - closed)).toBeLessThan(1e-9);
    }
  });
});
