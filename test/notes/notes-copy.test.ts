import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLemma } from '../../src/checker/check-lemma.js';
import type { StepReport } from '../../src/checker/report.js';
import { lit, log, param } from '../../src/language/builder.js';
import { defineLemma } from '../../src/language/lemma.js';
import { bindNotes } from '../../src/notes/bind-notes.js';
import { bindNotesCopy, NotesCopyError } from '../../src/notes/bind-notes-copy.js';
import { foldCopyReport, notesCopyReport } from '../../src/notes/copy-report.js';
import { alignNotes } from '../../src/notes/line-alignment.js';
import { NotesFile } from '../../src/notes/notes-file.js';
import { ellInverse, linearModel, minMargin, risk, weights, type Sample } from '../../src/models/margin-functions.js';
import { marginNotation } from '../../notes/glossary.js';

// One fixed instance: three points in the plane and w = (2, 1), so min_i m_i(w) = 0.5 and ℓ⁻¹(𝓛(w)) ≈ 0.131.
const data: Sample = { X: param('X'), y: param('y'), n: param('n') };
const w = weights('w', param('w'));
const notation = marginNotation({ model: linearModel, data, w });
const smallest = minMargin(linearModel, data, w);
const inverseRisk = ellInverse(risk(linearModel, data, w));
const held = String.raw`\min_{i \in [n]} m_i(w) \leq \ell^{-1}(\mathcal{L}(w)) + \log(n)`;
const wrong = String.raw`\min_{i \in [n]} m_i(w) \leq \ell^{-1}(\mathcal{L}(w)) - \log(n)`;
const chain = String.raw`\min_{i \in [n]} m_i(w) \leq \ell^{-1}(\mathcal{L}(w)) + \log(n) \leq 2`;
const lemma = defineLemma({
  id: 'l',
  title: 't',
  source: 's',
  hypotheses: {
    X: { arbitrary: fc.constant([[0.6, 0.8], [1, 0], [0, -0.5]]), domain: 'three points' },
    y: { arbitrary: fc.constant([1, 1, -1]), domain: 'labels' },
    n: { arbitrary: fc.constant(3), domain: 'n = 3', integer: true },
    w: { arbitrary: fc.constant([2, 1]), domain: 'w = (2, 1)' },
  },
  notation,
  proof: [
    // Hand-built sides beside each line: they are cross-checked against the original line, not the copy's.
    { id: 'held', notes: held, lhs: smallest, relation: '≤', rhs: inverseRisk.plus(log(data.n)), why: 'remark' },
    {
      id: 'chain',
      notes: chain,
      start: smallest,
      links: [
        { relation: '≤', expr: inverseRisk.plus(log(data.n)), why: 'remark', notes: held },
        { relation: '≤', expr: lit(2), why: 'numbers', notes: String.raw`\leq 2` },
      ],
    },
    { id: 'wrong', notes: wrong, lhs: smallest, relation: '≤', rhs: inverseRisk.minus(log(data.n)), why: 'typo', expect: { refuted: 'the sign of log n', counterexample: { seed: 1, path: '0' } } },
  ],
});
const original = new NotesFile('notes.md', `# Notes\n\n$$${held}$$\n\nProse.\n\n$$${wrong}$$\n\n$$${chain}$$\n`);

async function run(copyText: string): Promise<{ steps: Map<string, StepReport>; copy: NotesFile; report: ReturnType<typeof notesCopyReport> }> {
  const copy = new NotesFile('copy.md', copyText);
  const alignment = alignNotes(original, copy);
  const bound = bindNotesCopy(lemma, original, copy, alignment);
  const report = foldCopyReport(await checkLemma(bound.lemma, { seed: 1, runs: 1 }), bound.edits);
  return { steps: new Map(report.steps.map((s) => [s.id, s])), copy, report: notesCopyReport(original, copy, alignment, [report]) };
}

const edited = (from: string, to: string): string => original.text.replace(held, held.replace(from, to));

describe('checking an edited copy of the notes', () => {
  it('an unchanged copy checks every step at its line, as the notes themselves do', async () => {
    const { steps } = await run(original.text.replace('# Notes', '# Notes\n\nA new line.'));
    const plain = await checkLemma(bindNotes(lemma, original), { seed: 1, runs: 1 });
    expect(steps.get('held')!.notesLine).toBe(5);
    expect(steps.get('held')!.edit).toBeUndefined();
    expect([steps.get('held')!.verdict, steps.get('wrong')!.verdict, steps.get('wrong')!.surprise]).toEqual(['held', 'refuted', false]);
    expect([...steps.values()].map((s) => [s.id, s.verdict])).toEqual(plain.steps.map((s) => [s.id, s.verdict]));
  });

  // Editing a line in a copy changes what is computed, for each kind of edit (the original is computed beside it).
  const kinds: [string, string, string, (s: StepReport) => void][] = [
    ['a relation', '\\leq', '\\geq', (s) => expect([s.relation, s.verdict, s.edit?.outcome]).toEqual(['≥', 'refuted', 'newly refuted'])],
    ['a constant', '\\log(n)', '\\log(2)', (s) => expect(s.tightness?.minSlack).toBeCloseTo(-Math.log(2 * Math.exp(-2) + Math.exp(-0.5)) + Math.log(2) - 0.5, 6)],
    ['a function', '\\ell^{-1}', '\\exp', (s) => expect(s.rhs).toMatch(/^exp\(/)],
    ['an index bound', '\\min_{i \\in [n]}', '\\min_{i=1}^2', (s) => expect([s.verdict, s.counterexample?.lhs.map(Number)]).toEqual(['refuted', [2, 2]])],
    ['a norm', '\\log(n)', '\\|w\\|^2', (s) => expect(s.tightness?.minSlack).toBeCloseTo(-Math.log(2 * Math.exp(-2) + Math.exp(-0.5)) + 5 - 0.5, 6)],
  ];
  for (const [kind, from, to, check] of kinds) {
    it(`editing ${kind} changes what is computed, and the original line is checked beside it`, async () => {
      const { steps } = await run(edited(from, to));
      const step = steps.get('held')!;
      expect(step.notes).toBe(held.replace(from, to));
      expect(step.computedFrom).toBe('notes');
      expect(step.edit?.kind).toBe('changed');
      expect(step.edit?.vendored).toMatchObject({ line: 3, notes: held, verdict: 'held' });
      expect(step.edit?.copy).toEqual({ line: 3, notes: held.replace(from, to) });
      expect(steps.has('held.vendored')).toBe(false);
      check(step);
    });
  }

  it('a corrected line expected refuted reports "now holds", a wrong correction "still refuted": neither is a surprise', async () => {
    const fixed = (await run(original.text.replace(`$$${wrong}$$`, `$$${wrong.replace('- \\log(n)', '+ \\log(n)')}$$`))).steps.get('wrong')!;
    expect([fixed.verdict, fixed.surprise, fixed.edit?.outcome, fixed.edit?.vendored.verdict, fixed.edit?.vendored.expected]).toEqual(['held', false, 'now holds', 'refuted', 'refuted']);
    const still = (await run(original.text.replace(`$$${wrong}$$`, `$$${wrong.replace('\\log(n)', '0.1')}$$`))).steps.get('wrong')!;
    expect([still.verdict, still.surprise, still.expected, still.edit?.outcome]).toEqual(['refuted', false, 'refuted', 'still refuted']);
    expect(still.counterexample).toBeDefined();
  });

  it('a link after an edited one keeps its text, and takes its left side from the edited link', async () => {
    const { steps } = await run(original.text.replace(`$$${chain}$$`, () => `$$${chain.replace('+ \\log(n)', '+ 5')}$$`));
    expect(steps.get('chain.1')!.edit?.outcome).toBe('holds');
    const next = steps.get('chain.2')!;
    expect(next.edit).toEqual({ kind: 'follows', vendored: { line: 9, notes: '\\leq 2' } });
    expect([next.notesLine, next.verdict, next.surprise]).toEqual([9, 'refuted', true]);
    expect(next.lhs).toMatch(/5/);
  });

  it('a deleted line is listed, and its step is checked on the original line', async () => {
    const { steps, report } = await run(original.text.replace(`$$${held}$$\n`, ''));
    expect(steps.get('held')!.edit).toEqual({ kind: 'deleted', vendored: { line: 3, notes: held } });
    expect(steps.get('held')!.verdict).toBe('held');
    expect(report.deleted).toEqual([{ vendoredLine: 3, text: `$$${held}$$`, steps: [{ lemma: 'l', step: 'held', verdict: 'held' }] }]);
  });

  it('every changed line is listed with its old and new text, and an added line too', async () => {
    const { report } = await run(edited('\\leq', '\\geq').replace('Prose.', () => 'Prose, edited.\n\n$$q = 1$$'));
    expect(report.changed.map((c) => [c.vendoredLine, c.copyLine, c.steps.map((s) => [s.step, s.vendoredVerdict, s.verdict])])).toEqual([
      [3, 3, [['held', 'held', 'refuted']]],
      [5, 5, []],
    ]);
    expect(report.changed[0].vendored).toBe(`$$${held}$$`);
    expect(report.changed[0].copy).toBe(`$$${held.replace('\\leq', '\\geq')}$$`);
    expect(report.added).toEqual([{ copyLine: 7, text: '$$q = 1$$' }]);
    expect(report.surprises).toBe(1);
  });

  it('a changed line that does not compile is one error naming the line and column in the copy', () => {
    const copy = new NotesFile('copy.md', edited('+ \\log(n)', '+ \\zeta(n)'));
    const bind = () => bindNotesCopy(lemma, original, copy, alignNotes(original, copy));
    expect(bind).toThrow(NotesCopyError);
    expect(bind).toThrow(new RegExp(`^copy.md:3:${`$$${held}`.indexOf('+ \\log') + 3}: lemma l, step 'held': the changed line does not compile: unexpected '\\\\zeta'$`));
  });
});
