import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact, lit } from '../../src/language/builder.js';
import { defineLemma, type Tolerance } from '../../src/language/lemma.js';
import { checkLemma } from '../../src/checker/check-lemma.js';

// 3·(1/3) + 10^−17 ≤ 1 is false by 10^−17. Float intervals cannot separate the sides; double-double intervals (the first refinement) can.
const lhs = exact('1/3').times(3).plus(exact('1e-17'));

const slide = (tolerance?: Partial<Tolerance>) =>
  defineLemma({
    id: 'tolerance',
    title: 'a tiny but certain violation',
    source: 'test',
    runs: 1,
    hypotheses: { x: { arbitrary: fc.constant(0), domain: 'x = 0' } },
    proof: [{ id: 'tiny', notes: '3 \\cdot \\tfrac13 + 10^{-17} \\le 1', lhs, relation: '≤', rhs: lit(1), why: 'false', tolerance }],
  });

describe('the equality case of ≤ is certified up to the stated tolerance', () => {
  it('within the default 10^−9 it holds as an equality case, and the report says it held only within tolerance', async () => {
    const s = (await checkLemma(slide(), { seed: 1 })).steps[0];
    expect(s.verdict).toBe('held');
    expect(s.withinTolerance).toBe(1);
    expect(s.tightness?.equality).toBe(true);
  });

  it('with tolerance 0 the violation is refuted by refinement, at double-double precision', async () => {
    const s = (await checkLemma(slide({ rel: 0 }), { seed: 1 })).steps[0];
    expect(s.verdict).toBe('refuted');
    expect(s.precision).toBe('double-double');
  });
});
