import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalArith } from '../../src/arithmetic/decimal-arith.js';
import { floatArith } from '../../src/arithmetic/float-arith.js';
import { intervalArith } from '../../src/arithmetic/interval-arith.js';
import type { Interval } from '../../src/arithmetic/interval.js';
import { gdSetting } from '../../src/domains/gd-instances.js';
import { descentProblem } from '../../src/domains/gd-setup.js';
import { type DescentProblem, floatDescent, reluGradientDescent } from '../../src/trajectories/relu-gradient-descent.js';
import { lazyIterates } from '../../src/trajectories/lazy-iterates.js';
import { fuzz } from '../fuzz.js';

const decimal = decimalArith(40);

describe('certified gradient descent on the two-layer ReLU net', () => {
  it('encloses the 40-digit trajectory, step by step, with enclosures far below the checks\' tolerance', () => {
    const settings = gdSetting({ points: [1, 6], dimension: [1, 4], width: [1, 6] });
    const etas = fc.oneof(fc.constant(1), fc.double({ min: 1e-3, max: 1, noNaN: true }));
    fc.assert(
      fc.property(settings, etas, fc.integer({ min: 1, max: 12 }), (s, eta, t) => {
        const p = descentProblem(s, eta, t);
        const certified = reluGradientDescent(intervalArith, p);
        const exact = reluGradientDescent(decimal, p);
        expect(certified.iterates.shape).toEqual([t + 1, s.m, s.d]);
        const boxes = certified.iterates.data as Interval[];
        exact.iterates.data.forEach((x, e) => {
          const b = boxes[e];
          expect(b.lo <= decimal.hi(x) && decimal.lo(x) <= b.hi, `entry ${e}`).toBe(true);
        });
        let widest = 0;
        for (const b of boxes) widest = Math.max(widest, b.hi - b.lo);
        expect(certified.maxWidth).toBeGreaterThanOrEqual(widest);
        expect(certified.maxWidth).toBeLessThan(1e-12);
      }),
      fuzz(25, 5),
    );
  });

  it('keeps the enclosure narrow over 200 steps (no wrapping effect)', () => {
    const [s] = fc.sample(gdSetting({ points: [16, 16], dimension: [4, 4], width: [24, 24], scales: [1], kinds: ['non-separable'] }), { seed: 3, numRuns: 1 });
    const trajectory = reluGradientDescent(intervalArith, descentProblem(s, 1, 200));
    expect(trajectory.boxSteps).toBe(0);
    expect(trajectory.maxWidth).toBeLessThan(1e-11);
  });

  it('at a kink (⟨w_j, x_k⟩ = 0 exactly) takes σ\' = [0, 1]: both choices of σ\'(0) lie in the enclosure', () => {
    // Row 1 of W_0 is orthogonal to x_1, so its preactivation is exactly 0.
    const p: DescentProblem = { X: [[1, 0], [0.6, 0.8]], y: [1, -1], a: [1, -1], W0: [[0, 0.5], [0.25, 0.5]], eta: 1, steps: 1 };
    const certified = reluGradientDescent(intervalArith, p);
    expect(certified.boxSteps).toBe(1);
    const W1 = (certified.iterates.data as Interval[]).slice(4);
    // σ'(0) = 0 is the float iteration; σ'(0) = 1 adds the term of x_1 to row 1 of the gradient:
    // −η (1/(n√m)) a_1 ℓ'(z_1) y_1 x_1 with z_1 = y_1 f(x_1; W_0) = −0.25/√2 (row 2 alone is active on x_1).
    const [, withoutKink] = floatDescent(p);
    const z1 = -0.25 / Math.SQRT2;
    const slope1 = -1 / (1 + Math.exp(z1));
    const withKink = [withoutKink[0] - (1 / (2 * Math.SQRT2)) * slope1, withoutKink[1]];
    for (const row of [Array.from(withoutKink.subarray(0, 2)), withKink]) {
      row.forEach((w, l) => {
        const slack = 1e-15 * (1 + Math.abs(w));
        expect(W1[l].lo - slack <= w && w <= W1[l].hi + slack, `entry ${l} = ${w} in [${W1[l].lo}, ${W1[l].hi}]`).toBe(true);
      });
    }
    expect(certified.maxWidth).toBeGreaterThan(0.1);
  });

  it('in floats is the plain iteration', () => {
    const [s] = fc.sample(gdSetting({ points: [5, 5], dimension: [3, 3], width: [4, 4] }), { seed: 9, numRuns: 1 });
    const p = descentProblem(s, 0.5, 7);
    const plain = floatDescent(p).flatMap((W) => Array.from(W));
    const viaArith = reluGradientDescent(floatArith, p);
    expect(viaArith.iterates.data).toEqual(plain);
    expect(viaArith.maxWidth).toBe(0);
  });

  it('computes decimal iterates only as they are read', () => {
    let steps = 0;
    const data = lazyIterates(5, 2, [1, 2], (w) => {
      steps++;
      return w.map((x) => x * 10);
    });
    expect(data.length).toBe(10);
    expect(data.slice(2, 4)).toEqual([10, 20]);
    expect(steps).toBe(1);
    expect(data[5]).toBe(200);
    expect(steps).toBe(2);
    expect([...data]).toEqual([1, 2, 10, 20, 100, 200, 1000, 2000, 10000, 20000]);
    expect(steps).toBe(4);
  });
});
