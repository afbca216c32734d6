import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatedGradientFlow } from '../../src/trajectories/gradient-flow.js';
import { referenceGradientFlow } from '../../src/trajectories/reference-integrator.js';
import { SEED, randomLabelData, separableData } from './margin-reference.js';
import { fuzz } from '../fuzz.js';

/**
 * The validated flow against an independent, non-validated high-accuracy
 * integration (Dormand–Prince 5(4) at rtol 1e−13) on random instances. The
 * validated run uses a looser tolerance (1e−10) so that its radius is well
 * above the reference's own error: the reference must then lie inside every
 * enclosure. At the default tolerance the two agree far below 1e−8.
 */

const TIMES = [1e-6, 1e-3, 0.1, 1, 10, 1e3, 1e5, 1e6];

describe('validated gradient flow vs an independent integrator', () => {
  it('separable random instances: the reference lies in the enclosures', () => {
    fc.assert(
      fc.property(separableData({ nMin: 1, nMax: 12, dMin: 1, dMax: 5, margin: 0.05 }), (data) => {
        const reference = referenceGradientFlow(data, TIMES, { rtol: 1e-13 });
        const loose = validatedGradientFlow(data, TIMES, { tolerance: 1e-10 });
        expect(loose.complete).toBe(true);
        loose.points.forEach((p, k) => {
          const w = reference.points[k].w;
          p.w.forEach((box, j) => {
            expect(box.lo <= w[j] && w[j] <= box.hi, `t=${p.t} j=${j}: ${w[j]} ∉ [${box.lo}, ${box.hi}]`).toBe(true);
          });
        });
        const tight = validatedGradientFlow(data, TIMES);
        tight.points.forEach((p, k) => {
          const w = reference.points[k].w;
          const diff = Math.hypot(...p.center.map((c, j) => c - w[j]));
          expect(diff).toBeLessThanOrEqual(1e-9 * Math.max(p.norm.hi, 1e-12));
          expect(p.radius).toBeLessThanOrEqual(1e-9 * p.norm.hi);
        });
      }),
      fuzz(12, SEED),
    );
  });

  it('non-separable random instances (the flow converges): the reference lies in the enclosures', () => {
    fc.assert(
      fc.property(randomLabelData(8, 2), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 }), (data, w0) => {
        const times = [1e-6, 0.1, 1, 10, 100, 1e4];
        const reference = referenceGradientFlow(data, times, { rtol: 1e-13, w0 });
        const loose = validatedGradientFlow(data, times, { tolerance: 1e-10, w0 });
        expect(loose.complete).toBe(true);
        loose.points.forEach((p, k) => {
          const w = reference.points[k].w;
          p.w.forEach((box, j) => {
            expect(box.lo <= w[j] && w[j] <= box.hi, `t=${p.t} j=${j}: ${w[j]} ∉ [${box.lo}, ${box.hi}]`).toBe(true);
          });
        });
      }),
      fuzz(6, SEED),
    );
  });
});
