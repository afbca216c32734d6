import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalArith as I } from '../../src/arithmetic/interval-arith.js';
import { inUnitBall } from '../../src/domains/points.js';
import { netSeparatedDataWithLowRisk, separableData, separableDataAtTime, separableDataWithLowRisk } from '../../src/domains/separable-data.js';
import { certifiedMaxMargin } from '../../src/trajectories/max-margin.js';

const sample = <T>(arb: fc.Arbitrary<T>, numRuns: number): T[] => fc.sample(arb, { seed: 42, numRuns });

describe('separable data sets', () => {
  const sets = sample(separableData({ n: [1, 6], d: [1, 4] }), 300);

  it('have every ‖x_i‖ ≤ 1 exactly, labels ±1, consistent n and d, and certified separability', () => {
    for (const s of sets) {
      expect(s.X.length).toBe(s.n);
      expect(s.X.every((x) => x.length === s.d && inUnitBall(x))).toBe(true);
      expect(s.y.every((v) => v === 1 || v === -1)).toBe(true);
      const mm = certifiedMaxMargin(s);
      expect(mm.kind).toBe('separable');
      if (mm.kind === 'separable') expect(mm.gamma.lo).toBeGreaterThan(0);
    }
  });

  it('cover one point, duplicated points, points on the sphere, n and d from 1, and margins from 1 down to 10^−4', () => {
    const margins = sets.map((s) => { const r = certifiedMaxMargin(s); return r.kind === 'separable' ? r.gamma.lo : NaN; });
    expect(sets.some((s) => s.n === 1)).toBe(true);
    expect(sets.some((s) => s.d === 1)).toBe(true);
    expect(sets.some((s) => s.n >= 5)).toBe(true);
    expect(sets.some((s) => s.X.some((x, i) => s.X.findIndex((z) => z.every((v, j) => v === x[j])) !== i))).toBe(true);
    expect(sets.some((s) => s.X.some((x) => x.reduce((a, v) => a + v * v, 0) === 1))).toBe(true);
    expect(Math.max(...margins)).toBeGreaterThan(0.9);
    expect(Math.min(...margins)).toBeLessThan(1e-3);
  });

  it('come with times over many orders of magnitude', () => {
    const times = sample(separableDataAtTime({ n: [1, 4], d: [1, 3] }), 200).map((s) => s.t);
    expect(times.every((t) => t >= 1e-6 && t <= 1e6)).toBe(true);
    expect(Math.min(...times)).toBeLessThan(1e-4);
    expect(Math.max(...times)).toBeGreaterThan(1e4);
  });
});

describe("Proposition 10.1's hypothesis 𝓛(ŵ) < ℓ(0)", () => {
  it('holds (certified) for the linear model', () => {
    for (const s of sample(separableDataWithLowRisk({ n: [1, 6], d: [1, 4] }), 100)) {
      const risk = I.sum(s.X.map((x, i) => I.expLoss(I.dot(x.map((v) => I.num(s.y[i] * v)), s.w.map((v) => I.num(v))))));
      expect(risk.hi).toBeLessThan(1);
    }
  });
  it('holds (certified) for the 2-homogeneous net, whose labels are its own signs', () => {
    for (const s of sample(netSeparatedDataWithLowRisk({ n: [1, 6], d: [1, 3], m: [1, 4] }), 100)) {
      const risk = I.sum(s.X.map((x, i) => {
        const f = I.sum(s.W.map((row, j) => I.mul(I.num(s.a[j]), I.relu(I.dot(row.map((v) => I.num(v)), x.map((v) => I.num(v)))))));
        return I.expLoss(I.mul(I.num(s.y[i]), f));
      }));
      expect(risk.hi).toBeLessThan(1);
    }
  });
});
