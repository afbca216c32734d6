import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abs, closure, exact, lit, log, param, sqr } from '../../src/language/builder.js';
import { defineLemma } from '../../src/language/lemma.js';
import { checkLemma } from '../../src/checker/check-lemma.js';
import type { LemmaReport, StepReport } from '../../src/checker/report.js';

const x = param('x');
const anyReal = { arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), domain: 'x ∈ [−10^6, 10^6]' };
const unit = { arbitrary: fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }), domain: 'x ∈ (0, 1)' };

const step = (report: LemmaReport, id: string): StepReport => {
  const s = report.steps.find((r) => r.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
};

const synthetic = defineLemma({
  id: 'synthetic',
  title: 'Facts with known truth',
  source: 'test',
  runs: 60,
  hypotheses: { x: anyReal },
  proof: [
    { id: 'square-nonnegative', notes: '(x-1)^2 \\ge 0', lhs: sqr(x.minus(1)), relation: '≥', rhs: lit(0), why: 'squares' },
    { id: 'expand', notes: '(x+1)^2 = x^2 + 2x + 1', lhs: sqr(x.plus(1)), relation: '=', rhs: sqr(x).plus(x.times(2)).plus(1), why: 'algebra' },
    { id: 'below-abs', notes: 'x \\le |x|', lhs: x, relation: '≤', rhs: abs(x), why: 'definition of |x|' },
    { id: 'log-negative', notes: '\\log(-1-x^2) \\le 0', lhs: log(lit(-1).minus(sqr(x))), relation: '≤', rhs: lit(0), why: 'none' },
    {
      id: 'throws',
      notes: 'boom',
      lhs: closure('boom', () => {
        throw new Error('boom');
      }),
      relation: '≤',
      rhs: lit(0),
      why: 'none',
    },
  ],
});

const falseLemma = defineLemma({
  id: 'false-square',
  title: 'x² ≥ x on (0, 1) is false',
  source: 'test',
  runs: 50,
  hypotheses: { x: unit },
  proof: [{ id: 'square-above', notes: 'x^2 \\ge x', lhs: sqr(x), relation: '≥', rhs: x, why: 'wrong' }],
});

describe('checker on lemmas with known truth', () => {
  it('certifies true inequalities, equalities, and never refutes a tight true step', async () => {
    const report = await checkLemma(synthetic, { seed: 1 });
    expect(step(report, 'square-nonnegative').verdict).toBe('held');
    expect(step(report, 'square-nonnegative').certified).toBe(true);
    const expand = step(report, 'expand');
    expect(expand.verdict).toBe('held');
    const belowAbs = step(report, 'below-abs');
    expect(belowAbs.verdict).toBe('held');
    expect(belowAbs.counts.refuted).toBe(0);
    expect(belowAbs.tightness?.minSlack).toBe(0);
  });

  it('reports an expression outside its domain as undefined, and a throwing step as error while others run', async () => {
    const report = await checkLemma(synthetic, { seed: 1 });
    expect(step(report, 'log-negative').verdict).toBe('undefined');
    expect(step(report, 'throws').verdict).toBe('error');
    expect(step(report, 'throws').message).toContain('boom');
    expect(step(report, 'throws').usesClosure).toBe(true);
    expect(step(report, 'square-nonnegative').usesClosure).toBe(false);
    expect(report.surprises).toBe(2);
  });

  it('refutes a false inequality with a shrunk, certified counterexample that replays', async () => {
    const report = await checkLemma(falseLemma, { seed: 7 });
    const s = step(report, 'square-above');
    expect(s.verdict).toBe('refuted');
    expect(s.certified).toBe(true);
    const cx = s.counterexample!;
    expect(cx).toBeDefined();
    expect(cx.violation).toBeGreaterThanOrEqual(0);
    expect(cx.worst!.violation).toBeGreaterThan(0);
    expect(cx.replay.path).not.toBe('');
    expect(cx.replay.command).toContain('--replay');
    // The enclosures themselves prove x² < x.
    expect(new Decimal(cx.lhs[1]).lt(new Decimal(cx.rhs[0]))).toBe(true);
    const replayed = await checkLemma(falseLemma, { seed: cx.replay.seed, replay: { path: cx.replay.path, step: 'square-above' } });
    const again = step(replayed, 'square-above');
    expect(again.verdict).toBe('refuted');
    expect(again.instances).toBe(1);
    expect(replayed.runs).toBe(1);
  });

  it('treats an exact literal differently from a float literal', async () => {
    const lemma = defineLemma({
      id: 'literals',
      title: 'one tenth',
      source: 'test',
      runs: 1,
      hypotheses: { x: unit },
      proof: [
        { id: 'float', notes: '0.1 \\cdot 10 = 1', lhs: lit(0.1).times(10), relation: '=', rhs: lit(1), why: 'arithmetic', tolerance: { rel: 0 } },
        { id: 'exact', notes: '0.1 \\cdot 10 = 1', lhs: exact('0.1').times(10), relation: '=', rhs: lit(1), why: 'arithmetic', tolerance: { rel: 1e-15 } },
      ],
    });
    const report = await checkLemma(lemma, { seed: 1 });
    expect(step(report, 'float').floatLiterals).toEqual(['0.1']);
    expect(step(report, 'exact').floatLiterals).toBeUndefined();
    expect(step(report, 'exact').verdict).toBe('held');
    // The double 0.1 is 0.1000000000000000055…: ten of it is certainly not 1.
    expect(step(report, 'float').verdict).toBe('refuted');
  });

  it('locates where a step fails along a parameter by certified bisection', async () => {
    const t = param('t');
    const lemma = defineLemma({
      id: 'region',
      title: 't ≥ 1 for all t > 0 is false below 1',
      source: 'test',
      runs: 40,
      hypotheses: { t: { arbitrary: fc.double({ min: 1e-3, max: 1e3, noNaN: true }), domain: 't ∈ [10^-3, 10^3]' } },
      regions: [{ parameter: 't', range: [1e-3, 1e3] }],
      proof: [{ id: 't-above-one', notes: 't \\ge 1', lhs: t.times(t), relation: '≥', rhs: lit(1), why: 'wrong' }],
    });
    const report = await checkLemma(lemma, { seed: 5 });
    const regions = step(report, 't-above-one').regions!;
    expect(regions).toHaveLength(1);
    expect(regions[0].direction).toBe('below');
    expect(regions[0].verdict).toBe('refuted');
    expect(regions[0].boundary[0]).toBe(1e-3);
    const [a, b] = regions[0].upperEdge!;
    expect(a).toBeLessThan(1);
    expect(b).toBeGreaterThanOrEqual(1);
    expect(b - a).toBeLessThan(1e-5);
    expect(regions[0].description).toMatch(/^refuted for t below/);
  });

  it('is pure: the same seed gives the same report apart from timing', async () => {
    const strip = (r: LemmaReport) => JSON.stringify({ ...r, timing: null });
    const a = await checkLemma(falseLemma, { seed: 3 });
    const b = await checkLemma(falseLemma, { seed: 3 });
    expect(strip(a)).toBe(strip(b));
  });
});
