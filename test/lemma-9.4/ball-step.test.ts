import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalArith } from '../../src/arithmetic/decimal-arith.js';
import { intervalArith } from '../../src/arithmetic/interval-arith.js';
import type { Interval } from '../../src/arithmetic/interval.js';
import { gdSetting } from '../../src/domains/gd-instances.js';
import { descentProblem } from '../../src/domains/gd-setup.js';
import { randomSeparableData } from '../../src/domains/random-separable.js';
import { reluGradientDescent } from '../../src/trajectories/relu-gradient-descent.js';
import { fuzz } from '../fuzz.js';

/**
 * The ball step (relu-descent-ball-step.ts: the plain float step with an
 * a-priori error bound) at sizes where its γ_n, γ_m, γ_d terms matter, and
 * over a long trajectory at n = 1000.
 */

describe('certified gradient descent by ball steps', () => {
  it('encloses the 30-digit trajectory at n up to 40, m up to 24, every weight scale', () => {
    const decimal = decimalArith(30);
    const settings = gdSetting({ points: [20, 40], dimension: [2, 6], width: [8, 24] });
    fc.assert(
      fc.property(settings, fc.integer({ min: 1, max: 6 }), (s, t) => {
        const p = descentProblem(s, 1, t);
        const certified = reluGradientDescent(intervalArith, p);
        const boxes = certified.iterates.data as Interval[];
        const exact = reluGradientDescent(decimal, p).iterates.data;
        for (let e = 0; e < boxes.length; e++) {
          const x = exact[e];
          expect(boxes[e].lo <= decimal.hi(x) && decimal.lo(x) <= boxes[e].hi, `entry ${e}: [${boxes[e].lo}, ${boxes[e].hi}]`).toBe(true);
        }
      }),
      fuzz(8, 17),
    );
  });

  it('n = 1000, d = 10, m = 16 over 1000 steps: no box step, relative width below 1e−6', () => {
    const data = randomSeparableData(1000, 10, 1);
    const m = 16;
    const W0 = Array.from({ length: m }, (_, j) => Array.from({ length: 10 }, (_, l) => Math.sin(7 * j + l) / Math.sqrt(10)));
    const a = Array.from({ length: m }, (_, j) => (j % 2 === 0 ? 1 : -1));
    const trajectory = reluGradientDescent(intervalArith, { X: data.X, y: data.y, a, W0, eta: 1, steps: 1000 });
    let largest = 0;
    for (const w of trajectory.iterates.data as Interval[]) largest = Math.max(largest, Math.abs(w.lo), Math.abs(w.hi));
    expect(trajectory.boxSteps).toBe(0);
    expect(trajectory.maxWidth / largest).toBeLessThan(1e-6);
  });
});
