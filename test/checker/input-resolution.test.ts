import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exp, lit, log, param, sqr } from '../../src/language/builder.js';
import { defineLemma, type Env, type StepSpec } from '../../src/language/lemma.js';
import type { Arith } from '../../src/arithmetic/arith.js';
import { checkLemma } from '../../src/checker/check-lemma.js';
import { scalar } from '../../src/language/value.js';

/**
 * An input known only as an enclosure, like a validated flow: w ∈ [c(1 − ρ), c(1 + ρ)], with the
 * true value inside. Identities in w cannot be decided exactly on the box; they can be decided to
 * the box's resolution, and the report must say so. Everything else keeps its strict meaning.
 */
const w = param('w');
const boxed = (relativeRadius: number, steps: StepSpec[]) =>
  defineLemma({
    id: 'boxed',
    title: 'identities on an input enclosure',
    source: 'test',
    runs: 3,
    hypotheses: { c: { arbitrary: fc.constantFrom(0.5, 2, 3), domain: 'c ∈ {0.5, 2, 3}' } },
    setup: <T>(instance: Record<string, unknown>, A: Arith<T>): Env<T> => {
      const c = instance.c as number;
      return { values: { w: scalar(A.range(c * (1 - relativeRadius), c * (1 + relativeRadius))) }, ints: {} };
    },
    proof: steps,
  });

// log(e^w) − w is 0 exactly, but on a box of width 1e−12 it is an interval of that width around 0:
// the relative tolerance (relative to ~0) can never accept it.
const zeroIdentity: StepSpec = { id: 'zero', notes: '\\log e^w - w = 0', lhs: log(exp(w)).minus(w), relation: '=', rhs: lit(0), why: 'log inverts exp' };
const square: StepSpec = { id: 'square', notes: 'w^2 = w \\cdot w', lhs: sqr(w), relation: '=', rhs: w.times(w), why: 'algebra' };
const equalityCase: StepSpec = { id: 'le', notes: '\\log e^w \\le w', lhs: log(exp(w)), relation: '≤', rhs: w, why: 'equality' };
const strict: StepSpec = { id: 'strict', notes: '\\log e^w < w', lhs: log(exp(w)), relation: '<', rhs: w, why: 'false (equal)' };
const offByMore: StepSpec = { id: 'off', notes: 'w = w + 10^{-6}', lhs: w, relation: '=', rhs: w.plus(1e-6), why: 'false by 1e−6' };

describe('equalities on input enclosures are held to the inputs\' resolution, and say so', () => {
  it('an exact zero on a box (u(t) = 0 on the flow) is held, with the certified bound and the input named', async () => {
    const report = await checkLemma(boxed(1e-12, [zeroIdentity]), { seed: 1 });
    const s = report.steps[0];
    expect(s.verdict).toBe('held');
    expect(s.withinTolerance).toBe(3);
    expect(s.resolution!.evaluations).toBe(3);
    expect(s.resolution!.inputs.w).toBeGreaterThan(1e-12);
    // The bound certified is about the box's width (≤ 2·3·1e−12 per side), not a tolerance picked by hand.
    expect(s.resolution!.within).toBeGreaterThan(0);
    expect(s.resolution!.within).toBeLessThan(2e-11);
    expect(s.resolution!.widths.map((x) => x.precision)).toEqual(['decimal-30', 'decimal-60']);
  });

  it('an input wider than the relative tolerance (like the tiny-margin flow): identities and equality cases held to its resolution', async () => {
    const report = await checkLemma(boxed(1e-7, [square, equalityCase]), { seed: 1 });
    for (const s of report.steps) {
      expect({ id: s.id, verdict: s.verdict }).toEqual({ id: s.id, verdict: 'held' });
      expect(s.resolution?.evaluations, s.id).toBe(3);
      expect(s.resolution!.relative).toBeLessThan(1e-5);
    }
  });

  it('a strict inequality is never held this way: inconclusive, with why, the instance and a replay that reproduces it', async () => {
    const lemma = boxed(1e-12, [strict]);
    const report = await checkLemma(lemma, { seed: 1 });
    const s = report.steps[0];
    expect(s.verdict).toBe('inconclusive');
    expect(s.unresolved?.why).toMatch(/more digits do not narrow it, and an overlap cannot prove a strict inequality/);
    expect(s.unresolved?.replay.command).toBe(`npm run verify -- --lemma boxed --seed 1 --replay ${s.unresolved!.replay.path} --step strict`);
    const replay = await checkLemma(lemma, { seed: 1, replay: { path: s.unresolved!.replay.path, step: 'strict' } });
    expect(replay.steps[0].verdict).toBe('inconclusive');
    expect(replay.steps[0].unresolved?.instance).toEqual(s.unresolved!.instance);
  });

  it('a difference larger than the resolution is still refuted', async () => {
    const report = await checkLemma(boxed(1e-12, [offByMore]), { seed: 1 });
    expect(report.steps[0].verdict).toBe('refuted');
  });

  it('inputs known to fewer than two digits are no basis for a verdict: inconclusive, naming the input and its width', async () => {
    const report = await checkLemma(boxed(0.05, [square]), { seed: 1 });
    const s = report.steps[0];
    expect(s.verdict).toBe('inconclusive');
    expect(s.message).toMatch(/the enclosure of w is 9\.52e-2 wide \(relative\), above the 1\.00e-2 a verdict may rest on; refinement cannot narrow an input enclosure/);
  });

  it('exact inputs: no resolution to lean on; an exact zero that rounding keeps blurring stays inconclusive and says why', async () => {
    const exactW = defineLemma({
      id: 'exact',
      title: 'exact input',
      source: 'test',
      runs: 2,
      hypotheses: { w: { arbitrary: fc.constantFrom(2, 3), domain: 'w' } },
      proof: [zeroIdentity, square],
    });
    const [zero, sq] = (await checkLemma(exactW, { seed: 1 })).steps;
    expect(zero.verdict).toBe('inconclusive');
    expect(zero.resolution).toBeUndefined();
    expect(zero.unresolved?.why).toMatch(/still narrowing with precision when the ladder ended/);
    expect(sq.verdict).toBe('held');
    expect(sq.resolution).toBeUndefined();
  });
});
