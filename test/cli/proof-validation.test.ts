/** A proof file's wrong shape is a load error naming the lemma and the step, never a verdict. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lit, param } from '../../src/language/builder.js';
import { defineLemma, type LemmaSpec } from '../../src/language/lemma.js';

const x = param('x');
const base = (): LemmaSpec => ({
  id: 'shape',
  title: 'shape checks',
  source: 'test',
  hypotheses: { x: { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), domain: 'x ∈ [0, 1]' } },
  proof: [{ id: 'nonneg', notes: 'x \\ge 0', lhs: x, relation: '≥', rhs: lit(0), why: 'domain' }],
});

function loadError(edit: (spec: LemmaSpec & Record<string, unknown>) => void): string {
  const spec = base() as LemmaSpec & Record<string, unknown>;
  edit(spec);
  try {
    defineLemma(spec);
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
  return 'loaded';
}

const step = (spec: LemmaSpec) => spec.proof[0] as unknown as Record<string, unknown>;

describe('load-time validation of a lemma', () => {
  it('accepts a well-formed lemma', () => {
    expect(loadError(() => {})).toBe('loaded');
  });

  it("rejects a relation outside the five, naming the step and the spelling to use (a '<=' was checked as '<')", () => {
    for (const [ascii, unicode] of [['<=', '≤'], ['>=', '≥'], ['==', '=']]) {
      expect(loadError((s) => (step(s).relation = ascii))).toBe(
        `ProofSpecError: lemma 'shape': step 'nonneg': relation '${ascii}' is not one of = ≤ < ≥ > (write '${unicode}' for '${ascii}')`,
      );
    }
    expect(loadError((s) => (step(s).relation = 'lt'))).toBe("ProofSpecError: lemma 'shape': step 'nonneg': relation 'lt' is not one of = ≤ < ≥ >");
  });

  it('rejects a bad relation in a chain link and in an erratum', () => {
    const chain = { id: 'c', notes: '', start: x, links: [{ relation: '≤', expr: lit(1), why: '', notes: '' }, { relation: '=<', expr: lit(2), why: '', notes: '' }] };
    expect(loadError((s) => (s.proof = [chain as never]))).toBe("ProofSpecError: lemma 'shape': chain 'c', link 2: relation '=<' is not one of = ≤ < ≥ > (write '≤' for '=<')");
    expect(loadError((s) => (step(s).erratum = { notes: '', why: '', relation: '>=' }))).toMatch(/step 'nonneg': erratum: relation '>=' is not one of/);
  });

  it('rejects every other wrong field: wrong types, missing expressions, unknown keys, bad tolerances and references', () => {
    const cases: [(s: LemmaSpec & Record<string, unknown>) => void, string][] = [
      [(s) => (step(s).lhs = 3), "step 'nonneg': 'lhs' must be an expression built with the proof language, got number 3"],
      [(s) => delete step(s).rhs, "step 'nonneg': 'rhs' must be an expression built with the proof language, got nothing"],
      [(s) => (step(s).expected = { refuted: 'typo for expect' }), "step 'nonneg' has an unknown field 'expected'"],
      [(s) => (step(s).expect = { refuted: '' }), "step 'nonneg': expect.refuted must say why"],
      [(s) => (step(s).tolerance = { rel: '1e-9' }), "step 'nonneg': tolerance.rel must be a finite number ≥ 0, got '1e-9'"],
      [(s) => (step(s).tolerance = { relative: 1e-9 }), "step 'nonneg': tolerance has an unknown field 'relative'"],
      [(s) => (step(s).over = { i: [1] }), "step 'nonneg': over.i must be [from, to]"],
      [(s) => (step(s).why = undefined), "step 'nonneg': 'why' must be a string, got nothing"],
      [(s) => (s.runs = 0), "'runs' must be a positive integer, got number 0"],
      [(s) => (s.hypotheses = { x: { arbitrary: [0, 1] as never, domain: 'x' } }), "hypothesis 'x': 'arbitrary' must be a fast-check arbitrary, got an array"],
      [(s) => (s.proof = []), "'proof' must be a non-empty array"],
      [(s) => (s.regions = [{ parameter: 'x', range: [1, 0] }]), "region scan 1: 'range' must be [lo, hi] with finite lo < hi"],
      [(s) => (s.regions = [{ parameter: 'x', range: [0, 1], steps: ['nonneg', 'nope'] }]), "region scan 1 names step 'nope', which this lemma does not have (steps: nonneg)"],
      [(s) => (s.relaxations = [{ hypothesis: 'y', statement: 'y ≤ 1', relaxed: s.hypotheses.x }]), "relaxation 1: no hypothesis 'y' to relax"],
      [(s) => (s.fromDataset = 'flowOn' as never), "'fromDataset' must be a function"],
    ];
    for (const [edit, message] of cases) expect(loadError(edit)).toContain(`ProofSpecError: lemma 'shape': ${message}`);
  });

  it('checks datasetLimits: positive integers, one limit at least, and a reason', () => {
    expect(loadError((s) => (s.datasetLimits = { maxPoints: 2000, pointInstances: 100_000, why: 'every point' }))).toBe('loaded');
    expect(loadError((s) => (s.datasetLimits = { maxPoints: 0, why: 'x' }))).toMatch(/'datasetLimits.maxPoints' must be a positive integer, got number 0/);
    expect(loadError((s) => (s.datasetLimits = { pointInstances: 1.5, why: 'x' }))).toMatch(/'datasetLimits.pointInstances' must be a positive integer/);
    expect(loadError((s) => (s.datasetLimits = { why: 'x' }))).toMatch(/must give maxPoints or pointInstances/);
    expect(loadError((s) => (s.datasetLimits = { maxPoints: 5, why: ' ' }))).toMatch(/'datasetLimits.why' must say what grows/);
    expect(loadError((s) => (s.datasetLimits = { maxPoints: 5, why: 'x', points: 3 } as LemmaSpec['datasetLimits']))).toMatch(/unknown field 'points'/);
  });

  it('says "duplicate id" for a step id used twice', () => {
    expect(loadError((s) => (s.proof = [s.proof[0], s.proof[0]]))).toBe("ProofSpecError: lemma 'shape': duplicate id: step id 'nonneg' is used twice");
  });

  it('names the chain and the link where a chain mixes ≤ and ≥', () => {
    const links = [
      { relation: '=', expr: x, why: '', notes: '' },
      { relation: '≥', expr: lit(0), why: '', notes: '' },
      { relation: '≤', expr: lit(1), why: '', notes: '' },
    ];
    expect(loadError((s) => (s.proof = [{ id: 'mixed', notes: '', start: x, links } as never]))).toBe(
      "ProofSpecError: lemma 'shape': chain 'mixed' mixes ≤ and ≥: link 3 (≤) goes the other way from link 2 (≥); relations = ≥ ≤",
    );
  });
});
