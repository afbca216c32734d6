import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLemma } from '../../src/checker/check-lemma.js';
import { DEFAULT_SEED } from '../../src/checker/options.js';
import type { Expr } from '../../src/language/expr.js';
import { lit, log, param, sqr } from '../../src/language/builder.js';
import { defineLemma, type Check, type Lemma } from '../../src/language/lemma.js';
import thm101 from '../../proofs/thm-10.1.js';

/**
 * An expected refutation cites its counterexample. A mutated line that is still false, but for
 * another reason (somewhere the cited counterexample is not), used to pass as "refuted (expected)":
 * any counterexample anywhere satisfied the expectation. Now the cited one is replayed.
 */

const check = (lemma: Lemma, id: string): Check => lemma.checks.find((c) => c.id === id)!;

/** The lemma with one check replaced (and only that check run). */
function withCheck(lemma: Lemma, changed: Check, runs = 30): Lemma {
  return { ...lemma, id: `${lemma.id}-mutant`, runs, checks: [changed], chains: [], relaxations: [] };
}

const addOperands = (e: Expr): [Expr, Expr] => {
  if (e.kind !== 'binary' || e.op !== 'add') throw new Error('not a sum');
  return [e.left, e.right];
};

describe('an expectation re-checks the counterexample it cites', () => {
  it('Theorem 10.1, last link: the notes\' line is refuted at the cited counterexample, in the declared region', async () => {
    const report = await checkLemma(withCheck(thm101, check(thm101, 'u-lower.4')), { seed: DEFAULT_SEED });
    const s = report.steps[0];
    expect(s.verdict).toBe('refuted');
    expect(s.expectation?.verdict).toBe('refuted');
    expect(s.expectation?.mismatch).toBeUndefined();
    expect(s.expectation?.regionsFound?.[0]).toMatch(/^refuted for t below 0\.71363/);
    expect(s.surprise).toBe(false);
  }, 120_000);

  it('a mutated line, still false but for another reason (a stray + log t: false for t > 1), is a surprise that says what changed', async () => {
    // −log(n) + γ̄∫‖ẇ‖ ≥ −log(n) + γ̄‖w(t)‖ + log t: the erratum plus log t. At the cited counterexample (t = 0.1) it holds.
    const base = check(thm101, 'u-lower.4');
    const mutated: Expr = { kind: 'binary', op: 'add', left: check(thm101, 'u-lower.4.erratum').rhs, right: log(param('t')).node };
    const report = await checkLemma(withCheck(thm101, { ...base, rhs: mutated }), { seed: DEFAULT_SEED });
    const s = report.steps[0];
    expect(s.verdict).toBe('refuted'); // instances with t > 1 refute it: the old check would have been satisfied
    expect(s.expectation?.verdict).toBe('held');
    expect(s.expectation?.mismatch).toMatch(/^the cited counterexample \(seed 20261128, path 3:353:1:1\) is held now, not refuted/);
    expect(s.surprise).toBe(true);
  }, 120_000);

  it('a mutated line still refuted at the cited counterexample but in another region is a surprise too', async () => {
    // Twice the notes' γ̄‖ẇ(t)‖: refuted at t = 0.1 still, but for t up to far beyond 0.7136.
    const base = check(thm101, 'u-lower.4');
    const [negLogN, term] = addOperands(base.rhs);
    const doubled: Expr = { kind: 'binary', op: 'add', left: negLogN, right: { kind: 'binary', op: 'mul', left: lit(2).node, right: term } };
    const report = await checkLemma(withCheck(thm101, { ...base, rhs: doubled }, 5), { seed: DEFAULT_SEED });
    const s = report.steps[0];
    expect(s.expectation?.verdict).toBe('refuted');
    expect(s.expectation?.mismatch).toMatch(/^at the cited counterexample the failing region changed: expected refuted below along t \(upper edge in \[0\.71363, 0\.71364\]\), found refuted for t below/);
    expect(s.surprise).toBe(true);
  }, 120_000);

  it('a cited path that no longer exists in the domain, or no cited counterexample at all, is reported, never ignored', async () => {
    const x = param('x');
    const spec = (path: string) => ({
      id: 'square',
      title: 'x² ≥ x on (0, 1)',
      source: 'test',
      runs: 10,
      hypotheses: { x: { arbitrary: fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }), domain: 'x ∈ (0, 1)' } },
      proof: [{ id: 'above', notes: 'x^2 \\ge x', lhs: sqr(x), relation: '≥' as const, rhs: x, why: 'a slip', expect: { refuted: 'reversed', counterexample: { seed: 1, path } } }],
    });
    const cited = await checkLemma(defineLemma(spec('0')), { seed: 5 });
    expect(cited.steps[0]).toMatchObject({ verdict: 'refuted', surprise: false, expectation: { verdict: 'refuted' } });
    expect(() => defineLemma(spec('replay me'))).toThrow(/'above'.*expect needs counterexample: \{ seed, path \}/);
    expect(() => defineLemma({ ...spec('0'), proof: [{ ...spec('0').proof[0], expect: { refuted: 'reversed' } as never }] })).toThrow(/expect needs counterexample/);
  });
});
