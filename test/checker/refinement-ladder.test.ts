import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact, lit } from '../../src/language/builder.js';
import { defineLemma } from '../../src/language/lemma.js';
import { checkLemma } from '../../src/checker/check-lemma.js';
import { ladder } from '../../src/checker/instance-context.js';

/** One step, lhs > rhs by a margin `gap` relative to 1, with no tolerance. */
const slide = (gap: string) =>
  defineLemma({
    id: 'ladder',
    title: 'a gap below some precision',
    source: 'test',
    runs: 1,
    hypotheses: { x: { arbitrary: fc.constant(0), domain: 'x = 0' } },
    proof: [{ id: 'gap', notes: `\\tfrac13 \\cdot 3 + ${gap} > 1`, lhs: exact('1/3').times(3).plus(exact(gap)), relation: '>', rhs: lit(1), why: 'true', tolerance: { rel: 0 } }],
  });

describe('the refinement ladder', () => {
  it('tries double-double between float intervals and the decimals', () => {
    expect(ladder([30, 60]).map((l) => l.precision)).toEqual(['interval', 'double-double', 'decimal-30', 'decimal-60']);
  });

  it('a gap of 10^-20 is decided in double-double, one of 10^-40 only in decimals, and the report names the level', async () => {
    const dd = (await checkLemma(slide('1e-20'), { seed: 1 })).steps[0];
    expect([dd.verdict, dd.precision]).toEqual(['held', 'double-double']);
    const deep = (await checkLemma(slide('1e-40'), { seed: 1 })).steps[0];
    expect(deep.verdict).toBe('held');
    expect(deep.precision).toMatch(/^decimal-/);
  });
});
