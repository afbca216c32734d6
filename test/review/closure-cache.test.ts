import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closure, lit } from '../../src/language/builder.js';
import { defineLemma } from '../../src/language/lemma.js';
import { checkLemma } from '../../src/checker/check-lemma.js';
import { scalar } from '../../src/language/value.js';

// A closure receives the step's index assignment, but the evaluator cached its value under
// the key of its free indices (none: a closure has no children), so every i reused i = 0's value.
const indexValue = closure('i', (A, _lookup, ix) => scalar(A.num(ix.i)));

const lemma = defineLemma({
  id: 'closure-index',
  title: 'a closure that reads its index',
  source: 'test',
  runs: 1,
  hypotheses: { x: { arbitrary: fc.constant(0), domain: 'x = 0' } },
  proof: [{ id: 'i-le-0', notes: 'i \\le 0', lhs: indexValue, relation: '≤', rhs: lit(0), why: 'false for i ≥ 1', over: { i: [0, 2] } }],
});

describe('closure values are cached per index assignment', () => {
  it('refutes i ≤ 0 over i ∈ 0..2 (not held for every i from the cached i = 0)', async () => {
    const report = await checkLemma(lemma, { seed: 1 });
    const s = report.steps[0];
    expect(s.counts.refuted).toBe(2);
    expect(s.verdict).toBe('refuted');
  });
});
