import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLemma } from '../../src/checker/check-lemma.js';
import { lit, param, sqr } from '../../src/language/builder.js';
import { defineLemma, type Lemma } from '../../src/language/lemma.js';

const x = param('x');
/** Refuted on (0, 2) (x² > x for x > 1), with a region scan and an example to sweep: both draw series. */
const refutedWithRegion: Lemma = defineLemma({
  id: 'plots-option',
  title: 'x² ≤ x on (0, 2)',
  source: 'test',
  runs: 40,
  hypotheses: { x: { arbitrary: fc.double({ min: 0, max: 2, minExcluded: true, maxExcluded: true, noNaN: true }), domain: 'x ∈ (0, 2)' } },
  proof: [
    { id: 'below', notes: 'x^2 \\le x', lhs: sqr(x), relation: '≤', rhs: x, why: 'x < 1' },
    { id: 'positive', notes: 'x^2 > 0', lhs: sqr(x), relation: '>', rhs: lit(0), why: 'x > 0' },
  ],
  regions: [{ parameter: 'x', range: [0.5, 2], examples: [{ label: 'x = 1.5', instance: { x: 1.5 } }] }],
});

/** The report without its timing and without the plots' series. */
const withoutSeries = (value: unknown): string => JSON.stringify(value, (key, v) => (key === 'timing' || key === 'series' ? undefined : v));

describe('plots: false skips only the series', () => {
  it('a console-only run reports the same verdicts, regions and counterexamples, without series', async () => {
    const drawn = await checkLemma(refutedWithRegion, { seed: 5 });
    const console = await checkLemma(refutedWithRegion, { seed: 5, plots: false });
    // The option must have something to skip: the drawn report has series on the refuted step.
    expect(drawn.steps.find((s) => s.id === 'below')?.series?.length).toBeGreaterThan(0);
    expect(drawn.steps.find((s) => s.id === 'below')?.verdict).toBe('refuted');
    expect(console.steps.some((s) => s.series !== undefined)).toBe(false);
    expect(withoutSeries(console)).toBe(withoutSeries(drawn));
  });
});
