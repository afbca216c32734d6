import { describe, expect, it } from 'vitest';
import lemma94 from '../../proofs/lemma-9.4.js';
import { evaluateCheck, indexAssignments, type EvaluateOptions } from '../../src/checker/evaluate-check.js';
import { InstanceContext, ladder } from '../../src/checker/instance-context.js';
import { DEFAULT_DIGITS } from '../../src/checker/options.js';
import { lit, param } from '../../src/language/builder.js';
import type { Instance } from '../../src/language/lemma.js';
import { sharpBracket } from '../../src/prover/sharp-hypothesis.js';
import type { SharpHypothesisSpec } from '../../src/prover/whole-domain-spec.js';

const options: EvaluateOptions = { levels: ladder(DEFAULT_DIGITS), timeoutMs: 30_000 };
const spec = lemma94.relaxations.find((r) => r.sharp)!.sharp!;

/** The claim's verdict on a certified gradient-descent trajectory (every prefix), by the checker, not the prover. */
function claimOn(instance: Instance): string {
  const check = lemma94.checks.find((c) => c.id === 'claim')!;
  const ctx = new InstanceContext(lemma94, instance);
  let out = 'held';
  for (const index of indexAssignments(check, ctx, options.levels)) {
    const ev = evaluateCheck(check, ctx, index, options);
    if (ev.verdict === 'refuted') return 'refuted';
    if (ev.verdict !== 'held') out = ev.verdict;
  }
  return out;
}

/** The class's instance at a point of the statement: W_0 = |z|, y·a = sign z, Z = W_0. */
const instanceAt = (eta: number, z: number): Instance => ({
  setting: { n: 1, d: 1, m: 1, X: [[1]], y: [1], a: [Math.sign(z)], W0: [[Math.abs(z)]], data: 'separable', scale: 1 },
  eta,
  t: 1,
  Z: { kind: 'near W_0', size: 0, seed: 1 },
});

describe('sharp hypothesis: the largest η for which Lemma 9.4 holds on one-step instances', () => {
  const report = sharpBracket(spec);

  it('brackets η* = 1/max_z(ℓ′(z)²/ℓ(z)) ≈ 2.4554 to 10⁻⁶ relative: proved below, certified counterexample above', () => {
    expect(report.verdict).toBe('bracketed');
    const [lo, hi] = report.bracket!;
    expect(lo).toBeGreaterThan(2.4554);
    expect(hi).toBeLessThan(2.4555);
    expect((hi - lo) / hi).toBeLessThanOrEqual(1e-6);
    expect(report.held).toMatchObject({ verdict: 'proved' });
    expect(report.counterexample!.point.eta).toBe(hi);
  });

  it('the counterexample is one: the checker refutes the claim on that gradient-descent instance, and it holds there at η_lo', () => {
    const [lo, hi] = report.bracket!;
    const z = report.counterexample!.point.z;
    expect(claimOn(instanceAt(hi, z))).toBe('refuted');
    expect(claimOn(instanceAt(lo, z))).toBe('held');
    // The grid's smallest counterexample (η = 2.625) lies above the bracket, and η = 2.4 below it holds at the worst z.
    expect(claimOn(instanceAt(2.4, z))).toBe('held');
  });

  it('does not depend on anything random: the same bracket twice', () => {
    expect(sharpBracket(spec).bracket).toEqual(report.bracket);
  });

  it('on a statement with a known threshold (η·x ≤ 1 for x ∈ [0, 2]: η* = 1/2) the bracket contains it', () => {
    const x = param('x');
    const known: SharpHypothesisSpec = { variable: 'eta', class: 'x ∈ [0, 2]', reduction: 'test', lhs: param('eta').times(x), relation: '≤', rhs: lit(1), variables: { x: { range: [0, 2] } }, search: [0.1, 3] };
    const r = sharpBracket(known);
    expect(r.verdict).toBe('bracketed');
    expect(r.bracket![0]).toBeLessThanOrEqual(0.5);
    expect(r.bracket![1]).toBeGreaterThan(0.5);
  });

  it('never claims a bracket it did not certify: a statement false at the search\'s lower end is open', () => {
    const x = param('x');
    const r = sharpBracket({ variable: 'eta', class: 'x ∈ [0, 2]', reduction: 'test', lhs: param('eta').times(x), relation: '≤', rhs: lit(1), variables: { x: { range: [0, 2] } }, search: [0.6, 3] });
    expect(r.verdict).toBe('open');
    expect(r.bracket).toBeUndefined();
  });
});
