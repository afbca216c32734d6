import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/models/dataset.js';
import { signedPoints } from '../../src/models/dataset.js';
import { certifiedLinearGradientDescent } from '../../src/trajectories/linear-gradient-descent.js';
import { D, type Dec, SEED, contains, dec, describeMiss, separableData } from './margin-reference.js';
import { fuzz } from '../fuzz.js';

/** Exact gradient descent w_{k+1} = w_k + η Σ_i e^{−⟨z_i, w_k⟩} z_i in decimal.js (50 digits). */
function decimalIterates(data: Dataset, eta: Dec, steps: number): Dec[][] {
  const Z = signedPoints(data).map((z) => z.map(dec));
  const d = Z[0].length;
  let w: Dec[] = new Array(d).fill(new D(0));
  const out = [w];
  for (let k = 0; k < steps; k++) {
    const e = Z.map((z) => D.exp(z.reduce((s, v, j) => s.plus(v.times(w[j])), new D(0)).neg()));
    w = w.map((wj, j) => wj.plus(eta.times(Z.reduce((s, z, i) => s.plus(e[i].times(z[j])), new D(0)))));
    out.push(w);
  }
  return out;
}

describe('certified gradient descent on the linear model', () => {
  it('encloses the exact iterates (double step size and an interval of step sizes)', () => {
    fc.assert(
      fc.property(separableData({ nMin: 1, nMax: 8, dMin: 1, dMax: 4, margin: 0.05 }), (data) => {
        const steps = 40;
        const result = certifiedLinearGradientDescent(data, { stepSize: 0.5, steps });
        const exact = decimalIterates(data, dec(0.5), steps);
        result.iterates.forEach((it, k) => {
          it.w.forEach((box, j) => expect(contains(box, exact[k][j]), describeMiss(`k=${k} j=${j}`, box, exact[k][j])).toBe(true));
          expect(it.radius).toBeLessThan(1e-12 * Math.max(1, Math.hypot(...it.center)));
        });
        const risk = signedPoints(data)
          .map((z) => D.exp(z.reduce((s, v, j) => s.plus(dec(v).times(exact[steps][j])), new D(0)).neg()))
          .reduce((a, b) => a.plus(b), new D(0));
        expect(contains(result.iterates[steps].risk, risk)).toBe(true);
        // Step sizes in [0.1, 0.2]: the iterates for 0.1, 0.15 (the decimal) and 0.2 all lie inside.
        const ranged = certifiedLinearGradientDescent(data, { stepSize: { lo: 0.1, hi: 0.2 }, steps: 10 });
        for (const eta of [dec(0.1), new D('0.15'), dec(0.2)]) {
          const ex = decimalIterates(data, eta, 10);
          ranged.iterates.forEach((it, k) => it.w.forEach((box, j) => expect(contains(box, ex[k][j])).toBe(true)));
        }
      }),
      fuzz(15, SEED),
    );
  });

  it('reports growth of the radius for step sizes beyond 2/Λ', () => {
    const data = { X: [[0.9, 0], [0, 0.9]], y: [1, -1] };
    const calm = certifiedLinearGradientDescent(data, { stepSize: 1, steps: 20 });
    expect(calm.maxContraction).toBe(1);
    const wild = certifiedLinearGradientDescent(data, { stepSize: 5, steps: 20 });
    expect(wild.maxContraction).toBeGreaterThan(1);
    // Still an enclosure.
    const exact = decimalIterates(data, dec(5), 20);
    wild.iterates.forEach((it, k) => it.w.forEach((box, j) => expect(contains(box, exact[k][j])).toBe(true)));
  });
});
