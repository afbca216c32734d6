import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAccumulatorState, mergeAccumulatorStates, StepAccumulator } from '../../src/checker/accumulator.js';
import { checkLemma, runLemmaJob } from '../../src/checker/check-lemma.js';
import { mergePassStates, splitRuns, type PassState, type PassTarget } from '../../src/checker/lemma-job.js';
import type { Evaluation } from '../../src/checker/evaluate-check.js';
import { lit, param, sqr } from '../../src/language/builder.js';
import { defineLemma, type Lemma } from '../../src/language/lemma.js';
import healthySquare from '../fixtures/proofs-healthy/a-square.js';

const x = param('x');
/** Held on (0, 1), refuted when the hypothesis is relaxed to (0, 2), with a region to locate. */
const relaxable: Lemma = defineLemma({
  id: 'relaxable',
  title: 'x² ≤ x on (0, 1)',
  source: 'test',
  runs: 30,
  hypotheses: { x: { arbitrary: fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }), domain: 'x ∈ (0, 1)' } },
  proof: [
    { id: 'below', notes: 'x^2 \\le x', lhs: sqr(x), relation: '≤', rhs: x, why: 'x < 1' },
    { id: 'positive', notes: 'x^2 > 0', lhs: sqr(x), relation: '>', rhs: lit(0), why: 'x > 0' },
  ],
  relaxations: [{ hypothesis: 'x', statement: 'x < 1', relaxed: { arbitrary: fc.double({ min: 0.5, max: 2, noNaN: true }), domain: 'x ∈ [0.5, 2]' } }],
  regions: [{ parameter: 'x', range: [0.5, 2] }],
});

const withoutTiming = (value: unknown): string => JSON.stringify(value, (key, v) => (key === 'timing' ? undefined : v));

async function inParts(lemma: Lemma, seed: number, parts: number): Promise<unknown> {
  const options = { seed };
  const statesOf = async (target: PassTarget): Promise<PassState> => {
    const states: PassState[] = [];
    for (const range of splitRuns(lemma.runs, parts)) {
      const result = await runLemmaJob(lemma, options, { kind: 'pass', target, range });
      if (result.kind !== 'pass') throw new Error(`a pass failed: ${result.report.error}`);
      states.push(result.state);
    }
    return mergePassStates(states);
  };
  const main = await statesOf({ kind: 'main' });
  const relaxations = [];
  for (let k = 1; k <= lemma.relaxations.length; k++) relaxations.push(await statesOf({ kind: 'relaxation', index: k }));
  const finished = await runLemmaJob(lemma, options, { kind: 'finish', main, relaxations });
  if (finished.kind !== 'report') throw new Error('a finish returned a pass state');
  return finished.report;
}

describe('a lemma checked in passes over instance ranges', () => {
  it('cuts the runs into consecutive non-empty ranges', () => {
    expect(splitRuns(10, 3)).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 6 },
      { from: 6, to: 10 },
    ]);
    expect(splitRuns(2, 5)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
    ]);
  });

  for (const [name, lemma] of [
    ['a lemma with a refuted step, an erratum and a chain', healthySquare as Lemma],
    ['a lemma with a relaxed hypothesis and a region scan', relaxable],
  ] as const) {
    it(`gives the one-piece report, apart from timing, for ${name}`, async () => {
      for (const seed of [1, 20261128]) {
        const whole = withoutTiming(await checkLemma(lemma, { seed }));
        for (const parts of [1, 2, 3, 7]) expect(withoutTiming(await inParts(lemma, seed, parts)), `seed ${seed}, ${parts} parts`).toBe(whole);
      }
    });
  }

  it('the relaxed pass finds the counterexample the one-piece run reports', async () => {
    const report = await checkLemma(relaxable, { seed: 3 });
    expect(report.relaxations[0].matters).toBe(true);
    expect(report.relaxations[0].steps.find((s) => s.id === 'below')?.counterexample?.replay.path).toMatch(/^\d+(x\d+)?(:\d+(x\d+)?)*$/);
  });
});

describe('merging accumulator states', () => {
  const check = relaxable.checks[0];
  const refuted = (violation: number): Evaluation => ({ verdict: 'refuted', precision: 'interval', index: {}, lhs: ['2', '2'], rhs: ['1', '1'], comparison: { verdict: 'refuted', viaTolerance: false, width: 1, violation } });
  const held = (slack: number): Evaluation => ({ verdict: 'held', precision: 'interval', index: {}, lhs: ['1', '1'], rhs: ['2', '2'], comparison: { verdict: 'held', viaTolerance: false, width: 1, slack }, ratio: 0.5 });
  const evaluations: Evaluation[] = [held(3), refuted(2), held(1), refuted(5), held(1), refuted(5), { verdict: 'undefined', precision: 'interval', index: {}, message: 'log of 0' }];

  it('equals one pass over all runs, wherever the runs are cut (first extreme wins ties)', () => {
    const one = new StepAccumulator(check);
    evaluations.forEach((ev, run) => one.add(run, { run }, ev));
    for (let cut = 0; cut <= evaluations.length; cut++) {
      const [a, b] = [new StepAccumulator(check), new StepAccumulator(check)];
      evaluations.forEach((ev, run) => (run < cut ? a : b).add(run, { run }, ev));
      const merged = mergeAccumulatorStates(mergeAccumulatorStates(emptyAccumulatorState(), a.state), b.state);
      expect(merged, `cut at ${cut}`).toEqual(one.state);
    }
    expect(one.state.worst?.run).toBe(3);
    expect(one.state.minSlack?.at.run).toBe(2);
    expect(one.state.firstRefutedRun).toBe(1);
  });
});
