import { describe, expect, it } from 'vitest';
import { randomSeparableData } from '../../src/domains/random-separable.js';
import { flowAt } from '../../src/models/flow-setup.js';
import { validatedGradientFlow } from '../../src/trajectories/gradient-flow.js';

/**
 * A run resumed from a saved state takes the same steps as the run that saved it, so its
 * enclosures are the same numbers; flowAt, which resumes from checkpoints 2^k, equals one run
 * from 0 through those checkpoints whatever was asked before.
 */
describe('resuming the validated flow', () => {
  const data = randomSeparableData(30, 3, 7);

  it('a resumed run equals the continuous one, point for point', () => {
    const whole = validatedGradientFlow(data, [0.5, 40, 3e4]);
    const first = validatedGradientFlow(data, [0.5, 40], { states: true });
    const rest = validatedGradientFlow(data, [3e4], { from: first.states![1] });
    expect(first.points).toEqual(whole.points.slice(0, 2));
    expect(rest.points).toEqual(whole.points.slice(2));
    expect(rest.steps).toBe(whole.steps);
    expect(() => validatedGradientFlow(data, [10], { from: first.states![1] })).toThrow(/resumed/);
  });

  it('flowAt(t) is the run through the checkpoints below t, in any order of asking', () => {
    const times = [3e5, 7.5, 2 ** 5, 1e-7, 1000.25];
    for (const t of times) {
      const checkpoints: number[] = [];
      for (let k = -20; 2 ** k < t; k++) checkpoints.push(2 ** k);
      const direct = validatedGradientFlow(data, [...checkpoints, t]).points.at(-1)!;
      expect(flowAt(data, t)).toEqual(direct);
    }
  });
});
