import { describe, expect, it } from 'vitest';
import { randomSeparableData } from '../../src/domains/random-separable.js';
import { validatedGradientFlow } from '../../src/trajectories/gradient-flow.js';
import { referenceGradientFlow } from '../../src/trajectories/reference-integrator.js';

/**
 * The validated flow on 1000 random separable points. The certificate's
 * rounding floor grows with n (a sum of n products per coordinate of ∇L):
 * a step-size control aiming below it rejects every step forever. These
 * seeds all stalled that way (thousands of rejections, no progress past
 * t ≈ 45) before the floor was part of the goal.
 */

describe('validated gradient flow at n = 1000', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: reaches t = 100 without rejections, tight, next to RK45`, () => {
      const data = randomSeparableData(1000, 10, seed);
      const flow = validatedGradientFlow(data, [1, 100], { maxSteps: 2000 });
      expect(flow.complete).toBe(true);
      expect(flow.rejectedSteps).toBeLessThanOrEqual(flow.steps / 10);
      const reference = referenceGradientFlow(data, [1, 100], { rtol: 1e-11 });
      flow.points.forEach((p, k) => {
        expect(p.radius / p.norm.lo).toBeLessThan(1e-10);
        // Per-step coupling alone gives 1.5–2.5e−8 here; the convexity bound (path-length-enclosure.ts) about 5e−10.
        expect((p.pathLength.hi - p.pathLength.lo) / p.pathLength.lo).toBeLessThan(1e-8);
        const diff = Math.hypot(...p.center.map((c, j) => c - reference.points[k].w[j]));
        expect(diff / p.norm.lo).toBeLessThan(1e-7);
      });
    });
  }
});
