import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/checker/report.js';
import type { Lemma } from '../../src/language/lemma.js';
import prop101 from '../../proofs/prop-10.1.js';
import margins from '../../proofs/margins.js';
import prop102 from '../../proofs/prop-10.2.js';
import lemma101 from '../../proofs/lemma-10.1.js';
import thm101 from '../../proofs/thm-10.1.js';
import { verdictsAt } from './verdicts.js';

/**
 * The simplest instances, worked out by hand.
 * One point: x = (0.6, 0.8), y = 1, so z = x, ‖z‖ = 1, γ̄ = 1, ū = z, and the flow is
 * w(t) = log(1 + t)·z: 𝓛(w(t)) = 1/(1 + t), ‖w(t)‖ = ∫₀ᵗ‖ẇ‖ = log(1 + t), ‖ẇ(t)‖ = 1/(1 + t).
 * Two symmetric points: x and −x with labels 1 and −1 (both z = x), n = 2, γ̄ = 1,
 * w(t) = log(1 + 2t)·z, 𝓛 = 2/(1 + 2t), γ̃(w(t)) = 1 − log 2/log(1 + 2t).
 */
const x = [0.6, 0.8];
const onePoint = { X: [x], y: [1], n: 1, d: 2 };
const symmetric = { X: [x, x.map((v) => -v)], y: [1, -1], n: 2, d: 2 };

/** Every check of the lemma, with the given ones failing as listed and all others held. */
function expectVerdicts(lemma: Lemma, instance: Record<string, unknown>, failing: Record<string, Verdict>): void {
  const got = verdictsAt(lemma, instance);
  const expected = Object.fromEntries(lemma.checks.map((c) => [c.id, failing[c.id] ?? 'held']));
  expect(got).toEqual(expected);
}

describe('Lemma 10.1 by hand', () => {
  it('one point, t = 0.1: c = 0.2 < 1/e, so the first bound (1 + log c)/(2t) = −3.05 < 𝓛 = 0.909 and the second is undefined', () => {
    expectVerdicts(lemma101, { flow: { ...onePoint, t: 0.1 } }, {
      'risk-bound': 'refuted', 'norm-bound': 'undefined', 'plug-in': 'refuted', 'claim-2.4': 'refuted', 'claim-2.inverse': 'undefined',
    });
  });
  it('one point, t = 0.25: c = 0.5, the second bound log c − log(1 + log c) = 0.488 > ‖w‖ = log 1.25 = 0.223', () => {
    const v = verdictsAt(lemma101, { flow: { ...onePoint, t: 0.25 } });
    expect(v['norm-bound']).toBe('refuted');
    expect(v['norm-bound.erratum']).toBe('held');
  });
  it('one point, t = 0.5: c = 1, where log c = log² c and the plug-in holds', () => {
    expect(verdictsAt(lemma101, { flow: { ...onePoint, t: 0.5 } })['plug-in']).toBe('held');
  });
  it('one point, t = 10: 𝓛 = 1/11 ≤ (1 + log 20)/20, ‖w‖ = log 11 ≥ 1.617; the plug-in gives 0.499, not 0.200', () => {
    expectVerdicts(lemma101, { flow: { ...onePoint, t: 10 } }, { 'plug-in': 'refuted' });
  });
  it('two symmetric points: t = 0.05 (c = 0.2) refutes the first bound; t = 10 (c = 40): 2/21 ≤ (1 + log 40)/20', () => {
    expect(verdictsAt(lemma101, { flow: { ...symmetric, t: 0.05 } })['risk-bound']).toBe('refuted');
    expectVerdicts(lemma101, { flow: { ...symmetric, t: 10 } }, { 'plug-in': 'refuted' });
  });
});

describe('Theorem 10.1 by hand', () => {
  it('one point, t = 0.1: 2tne·γ̄² = 0.54 < 1 (log log undefined); ∫‖ẇ‖ = log 1.1 < ‖ẇ(t)‖ = 1/1.1; the integrated bound diverges', () => {
    expectVerdicts(thm101, { flow: { ...onePoint, t: 0.1 } }, { statement: 'undefined', 'u-lower.4': 'refuted', 'v-integrated': 'refuted' });
  });
  it('one point, t = 10: log n = 0, so the statement is γ̃ = γ̄ = 1 (equality); ∫‖ẇ‖ = log 11 ≥ 1/11', () => {
    expectVerdicts(thm101, { flow: { ...onePoint, t: 10 } }, { 'v-integrated': 'refuted' });
  });
  it('two symmetric points, t = 1: the denominator log 4 − 2 log(1 + log 4) = −0.35 < 0 makes the bound 2.97 > γ̃ = 0.369', () => {
    const v = verdictsAt(thm101, { flow: { ...symmetric, t: 1 } });
    expect(v.statement).toBe('refuted');
    expect(v['statement.erratum']).toBe('held');
  });
  it('two symmetric points, t = 0.5: γ̄ − log 2/log 0.5 = 2 > γ(w(t)) = 1; t = 100: γ̃ = 0.869 ≥ 1 − log 2/2.10 = 0.670', () => {
    expect(verdictsAt(thm101, { flow: { ...symmetric, t: 0.5 } })['remark.sandwich']).toBe('refuted');
    expectVerdicts(thm101, { flow: { ...symmetric, t: 100 } }, { 'v-integrated': 'refuted' });
  });
});

describe('Propositions 10.1 and 10.2 and the margins by hand', () => {
  // Linear: ŵ = 2z, every m_i(ŵ) = 2, 𝓛(ŵ) = n e^−2 < 1. Net (1, −1; 2, −2) on x = ±1: f(x) = 2x, margins 2.
  const linear = (data: typeof onePoint) => ({ ...data, w: [1.2, 1.6] });
  const netOne = { netX: [[1]], netY: [1], netN: 1, netD: 1, m: 2, a: [1, -1], W: [[2], [-2]] };
  const netTwo = { netX: [[1], [-1]], netY: [1, -1], netN: 2, netD: 1, m: 2, a: [1, -1], W: [[2], [-2]] };
  it('one point: Σ ℓ(m_i(ŵ)) = max ℓ(m_i(ŵ)), so the strict inequality fails; inf_w 𝓛(ŵ) = e^−2 is not ≤ the lim sup 0', () => {
    expectVerdicts(prop101, { linear: linear(onePoint), net: netOne, c: 1 }, {
      'sum-above-max.linear': 'refuted', 'sum-above-max.relu': 'refuted', 'limit.linear.2': 'refuted', 'limit.relu.2': 'refuted',
    });
  });
  it('two symmetric points: Σ − max = e^−2 > 0 holds; the inf typo is still refuted', () => {
    expectVerdicts(prop101, { linear: linear(symmetric), net: netTwo, c: 0.5 }, { 'limit.linear.2': 'refuted', 'limit.relu.2': 'refuted' });
  });
  it('margins and Prop. 10.2 hold on both (with equality where n = 1 or the margins coincide)', () => {
    for (const [data, net] of [[onePoint, netOne], [symmetric, netTwo]] as const) {
      expectVerdicts(margins, { linear: linear(data), net }, {});
      for (const c of [1e-3, 1, 1e6]) expectVerdicts(prop102, { linear: linear(data), net, c }, {});
    }
  });
});
