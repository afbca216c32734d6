/**
 * The series the HTML plots draw are the checker's own certified evaluations:
 * region scans at the counterexample, sweeps at a lemma's examples and its
 * first instance, and quantified steps along their index. Checked on a lemma
 * whose truth is known in closed form.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLemma } from '../../src/checker/check-lemma.js';
import type { LemmaReport, SeriesPoint, StepReport, StepSeries } from '../../src/checker/report.js';
import { index, lit, log, param } from '../../src/language/builder.js';
import { defineLemma } from '../../src/language/lemma.js';

const t = param('t');
const n = param('n');
const i = index('i');
const D = Decimal.clone({ precision: 60 });
/** A double's exact value (its shortest decimal text is not it). */
const exactly = (x: number): Decimal => new D(x.toPrecision(100));
const contains = ([lo, hi]: [string, string], x: Decimal | number): boolean => {
  const v = typeof x === 'number' ? exactly(x) : x;
  return new D(lo).lte(v) && new D(hi).gte(v);
};

const lemma = defineLemma({
  id: 'along-t',
  title: 'steps along t ∈ [10^-3, 10^3]',
  source: 'test',
  runs: 30,
  hypotheses: {
    t: { arbitrary: fc.double({ min: 1e-3, max: 1e3, noNaN: true }), domain: 't ∈ [10^-3, 10^3]' },
    n: { arbitrary: fc.integer({ min: 1, max: 6 }), domain: 'n ∈ 1..6', integer: true },
  },
  regions: [{ parameter: 't', range: [1e-3, 1e3], examples: [{ label: 't = 2, n = 3', instance: { t: 2, n: 3 } }] }],
  proof: [
    { id: 'above-one', notes: 't \\ge 1', lhs: t, relation: '≥', rhs: lit(1), why: 'wrong below 1', expect: { refuted: 'false for t < 1', counterexample: { seed: 1, path: '0:0' } } },
    { id: 'log-bound', notes: '\\log t \\le t - 1', lhs: log(t), relation: '≤', rhs: t.minus(1), why: 'concavity' },
    { id: 'constant', notes: '1 \\le 2', lhs: lit(1), relation: '≤', rhs: lit(2), why: 'arithmetic' },
    { id: 'index-bound', notes: 'i \\le n', lhs: i, relation: '≤', rhs: n, why: 'range of i', over: { i: [1, n] } },
  ],
});

let report: LemmaReport;
const step = (id: string): StepReport => report.steps.find((s) => s.id === id)!;
const seriesAt = (id: string, at: StepSeries['at']): StepSeries | undefined => step(id).series?.find((s) => s.at === at);

describe('series for plots', () => {
  it('records the region scan at the counterexample: every evaluated t, its certified enclosures and verdict', async () => {
    report = await checkLemma(lemma, { seed: 11 });
    const s = step('above-one');
    expect(s.verdict).toBe('refuted');
    const scan = seriesAt('above-one', 'counterexample')!;
    expect(scan).toMatchObject({ parameter: 't', along: 'parameter', instance: s.counterexample!.instance });
    const values = scan.points.map((p) => p.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values[0]).toBe(1e-3);
    expect(values[values.length - 1]).toBeCloseTo(1e3, 9);
    // The scan's grid, each point a certified evaluation (the stretches themselves are certified over cells).
    expect(scan.points.length).toBeGreaterThanOrEqual(33);
    for (const p of scan.points) {
      expect(contains(p.lhs!, p.value), `lhs at ${p.value}`).toBe(true);
      expect(contains(p.rhs!, 1)).toBe(true);
      if (p.value !== 1) expect(p.verdict).toBe(p.value < 1 ? 'refuted' : 'held');
    }
    // The counterexample itself is a point of the series, with the same enclosures.
    const own = (s.counterexample!.instance as { t: number }).t;
    const at = scan.points.find((p) => p.value === own)!;
    expect(at.verdict).toBe('refuted');
    expect(contains(at.lhs!, new D(s.counterexample!.lhs[0]))).toBe(true);
  });

  it('sweeps every step that moves along t at the lemma’s examples and at the first instance', () => {
    for (const id of ['above-one', 'log-bound']) {
      const example = seriesAt(id, 'example')!;
      expect(example.label).toBe('t = 2, n = 3');
      expect(example.instance).toEqual({ t: 2, n: 3 });
      expect(example.points.length).toBe(34);
      expect(seriesAt(id, 'first instance')).toBeDefined();
    }
    for (const p of seriesAt('log-bound', 'example')!.points) {
      expect(p.verdict).toBe('held');
      expect(contains(p.lhs!, D.ln(exactly(p.value)))).toBe(true);
      expect(contains(p.rhs!, exactly(p.value).minus(1))).toBe(true);
    }
    // Steps that do not depend on t have nothing to plot along it.
    expect(step('constant').series).toBeUndefined();
    expect(step('index-bound').series!.map((s) => s.along)).toEqual(['index']);
  });

  it('records a quantified step along its index at the instance with the most index values', () => {
    const along = step('index-bound').series!.find((s) => s.along === 'index')!;
    expect(along).toMatchObject({ parameter: 'i', at: 'longest index range' });
    const count = (along.instance as { n: number }).n;
    expect(along.points.map((p: SeriesPoint) => p.value)).toEqual(Array.from({ length: count }, (_, k) => k + 1));
    for (const p of along.points) {
      expect(contains(p.lhs!, p.value)).toBe(true);
      expect(contains(p.rhs!, count)).toBe(true);
    }
  });

  it('is deterministic: the same seed gives the same series', async () => {
    const again = await checkLemma(lemma, { seed: 11 });
    expect(again.steps.map((s) => s.series)).toEqual(report.steps.map((s) => s.series));
  });
});
