import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatArith } from '../../src/arithmetic/float-arith.js';
import { intervalArith } from '../../src/arithmetic/interval-arith.js';
import { param, type E } from '../../src/language/builder.js';
import { Evaluator } from '../../src/language/evaluate.js';
import { defineLemma } from '../../src/language/lemma.js';
import { fromPlain, type Value } from '../../src/language/value.js';
import { compileStatement, NotationError } from '../../src/notes/compile.js';
import { bindNotes } from '../../src/notes/bind-notes.js';
import { NotesFile } from '../../src/notes/notes-file.js';
import { checkLemma } from '../../src/checker/check-lemma.js';
import { linearModel, risk, weights, type Sample } from '../../src/models/margin-functions.js';
import { marginNotation } from '../../notes/glossary.js';

// Three points in the plane, a weight vector w and γ̄ as plain numbers.
const X = [[0.6, 0.8], [1, 0], [0, -0.5]];
const y = [1, 1, -1];
const data: Sample = { X: param('X'), y: param('y'), n: param('n') };
const w = weights('w', param('w'));
const notation = marginNotation({ model: linearModel, data, w });

function evaluate(e: E): number {
  const values: Record<string, Value<number>> = {
    X: fromPlain(floatArith, X, 'X'),
    y: fromPlain(floatArith, y, 'y'),
    w: fromPlain(floatArith, [2, 1], 'w'),
    gammaBar: fromPlain(floatArith, 0.3, 'gammaBar'),
  };
  return new Evaluator(floatArith, values, { n: 3, t: 5 }).scalar(e.node);
}

/** Both sides of a notes line, evaluated at the instance above. */
function sides(latex: string): { lhs: number; rhs: number; relation: string } {
  const s = compileStatement(latex, notation);
  return { lhs: evaluate(s.first!), rhs: evaluate(s.links[s.links.length - 1].expr), relation: s.relation };
}

const margins = [0.6 * 2 + 0.8 * 1, 2, 0.5];
const riskValue = margins.reduce((a, m) => a + Math.exp(-m), 0);

describe('compiling the notes', () => {
  it('compiles the margin lines of the lecture to what they say', () => {
    const gamma = sides(String.raw`\gamma(w) = \min_{i \in [n]} m_i \left(\frac{w}{\|w\|} \right) = \frac{1}{\|w\|^L} \min_{i \in [n]} m_i(w)`);
    expect(gamma.relation).toBe('=');
    expect(gamma.lhs).toBeCloseTo(0.5 / Math.sqrt(5), 14);
    expect(gamma.rhs).toBeCloseTo(0.5 / Math.sqrt(5), 14);
    const remark = sides(String.raw`\min_{i \in [n]} m_i(w) \leq \ell^{-1} \left(\frac{1}{n} \sum_{i=1}^n \ell(m_i(w)) \right) = \ell^{-1}(\mathcal{L}(w)) + \log(n)`);
    expect(remark.relation).toBe('≤');
    expect(remark.lhs).toBeCloseTo(0.5, 14);
    expect(remark.rhs).toBeCloseTo(-Math.log(riskValue) + Math.log(3), 12);
  });

  it('reads juxtaposition, log without parentheses, log², Σ bounds, and lets', () => {
    const s = sides(String.raw`V \geq \frac{1 + \log^2(2nt\bar{\gamma}^2)}{2t\bar{\gamma}^2} - \log n, \quad V = \sum_{i < t} 1`);
    const c = 2 * 3 * 5 * 0.09;
    expect(s.rhs).toBeCloseTo((1 + Math.log(c) ** 2) / (2 * 5 * 0.09) - Math.log(3), 12);
    expect(s.lhs).toBe(5);
  });

  it('a Σ extends over a difference that uses its index, and not over another Σ that binds its own', () => {
    const a = sides(String.raw`\sum_{i=1}^n \ell(m_i(w)) - m_i(w) = 0`);
    expect(a.lhs).toBeCloseTo(riskValue - margins.reduce((p, q) => p + q), 12);
    const c = sides(String.raw`\sum_{i=1}^n \ell(m_i(w)) - \ell(0) = 0`);
    expect(c.lhs).toBeCloseTo(riskValue - 1, 12);
    const b = sides(String.raw`\sum_{i=1}^n \ell(m_i(w)) - \sum_{i=1}^n 1 = 0`);
    expect(b.lhs).toBeCloseTo(riskValue - 3, 12);
  });

  it('an unknown symbol or a prose line is an error naming its column', () => {
    expect(() => compileStatement(String.raw`\zeta(w) \leq 1`, notation)).toThrow(NotationError);
    try {
      compileStatement(String.raw`\gamma(w) \leq q`, notation);
    } catch (err) {
      expect((err as NotationError).offset).toBe(String.raw`\gamma(w) \leq `.length);
      expect((err as Error).message).toMatch(/no meaning for 'q'/);
    }
    expect(() => compileStatement('Plug in $c = 2$ to get it.', notation)).toThrow(/prose/);
  });

  // Editing a notes line changes what is computed, for each kind of edit.
  const base = String.raw`\min_{i \in [n]} m_i(w) \leq \ell^{-1}(\mathcal{L}(w)) + \log(n)`;
  const edits: [string, string, (s: ReturnType<typeof sides>) => void][] = [
    ['a relation', base.replace('\\leq', '\\geq'), (s) => expect(s.relation).toBe('≥')],
    ['a constant', base.replace('\\log(n)', '\\log(2)'), (s) => expect(s.rhs).toBeCloseTo(-Math.log(riskValue) + Math.log(2), 12)],
    ['a function', base.replace('\\ell^{-1}', '\\exp'), (s) => expect(s.rhs).toBeCloseTo(Math.exp(riskValue) + Math.log(3), 12)],
    ['an index bound', base.replace('\\min_{i \\in [n]}', '\\min_{i=1}^2'), (s) => expect(s.lhs).toBeCloseTo(2, 14)],
    ['an index bound (to)', String.raw`\sum_{i=1}^n m_i(w) \leq 1`.replace('^n', '^2'), (s) => expect(s.lhs).toBeCloseTo(margins[0] + margins[1], 14)],
    ['a norm', base.replace('+ \\log(n)', '+ \\|w\\|^2'), (s) => expect(s.rhs).toBeCloseTo(-Math.log(riskValue) + 5, 12)],
  ];
  for (const [kind, edited, expectation] of edits) {
    it(`editing ${kind} changes what is computed`, () => {
      const before = sides(base);
      const after = sides(edited);
      expect([after.lhs, after.rhs, after.relation]).not.toEqual([before.lhs, before.rhs, before.relation]);
      expectation(after);
    });
  }
});

describe('the hand-built transcription beside the compiled line', () => {
  const notes = new NotesFile('notes.md', String.raw`$$\mathcal{L}(w) \leq \log(n) + 1$$` + '\n');
  const lemma = (hand: E) =>
    defineLemma({
      id: 'cross',
      title: 'cross-check',
      source: 'test',
      runs: 5,
      hypotheses: {
        linear: {
          arbitrary: fc.constant({ X, y, n: 3, w: [2, 1] }),
          domain: 'one instance',
          integers: ['n'],
        },
      },
      notation,
      proof: [{ id: 'bound', notes: String.raw`\mathcal{L}(w) \leq \log(n) + 1`, lhs: hand, relation: '≤', rhs: param('n').times(0).plus(1).plus(0), why: 'test' }],
    });

  it('agrees: the step is computed from the notes and holds', async () => {
    const bound = bindNotes(lemma(risk(linearModel, data, w)), notes);
    expect(bound.checks[0].transcription).toBeDefined();
    const report = await checkLemma({ ...bound, checks: bound.checks.map((c) => ({ ...c, transcription: { ...c.transcription!, rhs: undefined } })) }, { seed: 1 });
    expect(report.steps[0].verdict).toBe('held');
    expect(report.steps[0].computedFrom).toBe('notes');
  });

  it('differs: a certified difference is an error naming the side', async () => {
    const bound = bindNotes(lemma(risk(linearModel, data, w).times(2)), notes);
    const report = await checkLemma({ ...bound, checks: bound.checks.map((c) => ({ ...c, transcription: { ...c.transcription!, rhs: undefined } })) }, { seed: 1 });
    expect(report.steps[0].verdict).toBe('error');
    expect(report.steps[0].message).toMatch(/the transcription differs from the notes: left side/);
  });

  it('a differing relation is an error too', async () => {
    const bound = bindNotes(lemma(risk(linearModel, data, w)), notes);
    const report = await checkLemma({ ...bound, checks: bound.checks.map((c) => ({ ...c, transcription: { lhs: c.transcription!.lhs, relation: '<' as const } })) }, { seed: 1 });
    expect(report.steps[0].message).toMatch(/the notes say ≤, the hand-built step </);
  });

  it('is evaluated in intervals', () => {
    const s = compileStatement(String.raw`\mathcal{L}(w) \leq 1`, notation);
    const values = { X: fromPlain(intervalArith, X, 'X'), y: fromPlain(intervalArith, y, 'y'), w: fromPlain(intervalArith, [2, 1], 'w') };
    const v = new Evaluator(intervalArith, values, { n: 3 }).scalar(s.first!.node);
    expect(v.lo).toBeLessThanOrEqual(riskValue);
    expect(v.hi).toBeGreaterThanOrEqual(riskValue);
  });
});
