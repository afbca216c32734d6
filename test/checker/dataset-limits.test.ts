import { describe, expect, it } from 'vitest';
import { datasetRunPlan } from '../../src/checker/dataset-limits.js';

const limits = { maxPoints: 2000, pointInstances: 10_000, why: 'each instance evaluates every point' };

describe('what a lemma affords on n points', () => {
  it('runs its default within the budget, fewer instances above it (at least one), and refuses beyond its most points', () => {
    expect(datasetRunPlan(limits, 100, 50)).toEqual({ kind: 'run', runs: 50 });
    expect(datasetRunPlan(limits, 200, 50)).toEqual({ kind: 'run', runs: 50 });
    const fewer = datasetRunPlan(limits, 1000, 50);
    expect(fewer).toMatchObject({ kind: 'run', runs: 10 });
    expect(fewer.kind === 'run' && fewer.note).toBe('10 of its 50 instances: instances × points ≤ 10,000 (each instance evaluates every point); --runs N sets the count');
    expect(datasetRunPlan(limits, 2000, 50)).toMatchObject({ kind: 'run', runs: 5 });
    expect(datasetRunPlan({ pointInstances: 10, why: 'w' }, 2000, 50)).toMatchObject({ kind: 'run', runs: 1 });
    expect(datasetRunPlan(limits, 2001, 50)).toEqual({ kind: 'refused', requirement: 'at most 2,000 points', reason: 'the data set has 2,001 (each instance evaluates every point)' });
  });

  it('keeps an explicit --runs within the most points, and a lemma without limits as it is', () => {
    expect(datasetRunPlan(limits, 1000, 50, 30)).toEqual({ kind: 'run', runs: 30 });
    expect(datasetRunPlan(limits, 5000, 50, 1).kind).toBe('refused');
    expect(datasetRunPlan(undefined, 10 ** 6, 50)).toEqual({ kind: 'run', runs: 50 });
  });
});
