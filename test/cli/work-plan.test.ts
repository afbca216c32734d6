import { describe, expect, it } from 'vitest';
import { planWork, workOptions } from '../../src/cli/work-plan.js';

/** Lemma 9.4's shape: heavy, 16 checks, two relaxed hypotheses with their own checks. */
const heavy = { id: 'heavy', title: 'heavy', source: 'test', runs: 100, cost: 4, checks: 16, relaxationChecks: [11, 1] };
const light = { id: 'light', title: 'light', source: 'test', runs: 100, checks: 2 };
const planned = [
  { task: 0, lemma: heavy },
  { task: 1, lemma: light },
];
const targets = (units: ReturnType<typeof planWork>) => [...new Set(units.map((u) => (u.kind === 'whole' ? `whole ${u.task}` : `${u.target.kind}${u.target.kind === 'relaxation' ? ` ${u.target.index}` : ''}`)))];

describe('the work plan of a run', () => {
  it('splits a heavy lemma into passes of its own domain and of each relaxed one', () => {
    expect(targets(planWork(planned, workOptions({ seed: 1 }, 2)))).toEqual(['main', 'relaxation 1', 'relaxation 2', 'whole 1']);
  });

  it('plans no relaxed passes under --profile or --instance, which replace the domain the relaxations redraw', () => {
    for (const options of [{ seed: 1, profile: 'large' }, { seed: 1, instanceFile: 'data.json' }]) {
      expect(targets(planWork(planned, workOptions(options, 2)))).toEqual(['main', 'whole 1']);
    }
  });

  it('never splits a replay', () => {
    expect(targets(planWork(planned, workOptions({ seed: 1, replay: { path: '0' } }, 2)))).toEqual(['whole 0', 'whole 1']);
  });
});
