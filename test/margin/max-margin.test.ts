import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/models/dataset.js';
import { signedPoints } from '../../src/models/dataset.js';
import { type MaxMarginResult, certifiedMaxMargin } from '../../src/trajectories/max-margin.js';
import { D, type Dec, SEED, contains, dec, describeMiss, normDec, randomLabelData, separableData, exactBinary } from './margin-reference.js';
import { fuzz } from '../fuzz.js';

/**
 * The certified max margin against known answers (exact, in decimal.js),
 * against an independent textbook solver (accelerated projected gradient
 * on the simplex for the minimum-norm point of the hull, with its own
 * duality-gap bounds), and on non-separable data (the exact certificate is
 * re-checked here with BigInt).
 */

type Separable = Extract<MaxMarginResult, { kind: 'separable' }>;

function expectSeparable(r: MaxMarginResult): Separable {
  expect(r.kind).toBe('separable');
  return r as Separable;
}

function checkKnown(data: Dataset, gamma: Dec, direction: Dec[], label: string): void {
  for (const exactFace of [true, false]) {
    const r = expectSeparable(certifiedMaxMargin(data, { exactFace }));
    const at = `${label} (${r.method})`;
    expect(contains(r.gamma, gamma), describeMiss(`${at} γ̄`, r.gamma, gamma)).toBe(true);
    const dist = normDec(direction.map((u, j) => u.minus(dec(r.direction.center[j]))));
    expect(dist.lte(dec(r.direction.radius)), `${at}: ‖ū − center‖ = ${dist.toPrecision(5)} > ${r.direction.radius}`).toBe(true);
    expect(r.relativeWidth).toBeLessThan(1e-9);
    if (exactFace) {
      expect(r.method).toBe('exact-face');
      expect(r.relativeWidth).toBeLessThan(1e-15);
      expect(r.direction.radius).toBeLessThan(1e-15);
    }
  }
}

/**
 * Textbook minimum-norm point of conv{z_i}: accelerated projected gradient
 * on ½‖Σα_i z_i‖² over the simplex. Returns the point and the bounds
 * min_i⟨z_i, v⟩/‖v‖ ≤ γ̄ ≤ ‖v‖ (floats, for comparison only).
 */
function textbookMinNorm(points: number[][], iterations = 4000): { v: number[]; lower: number; upper: number } {
  const n = points.length;
  const d = points[0].length;
  const combine = (a: number[]): number[] => {
    const v = new Array<number>(d).fill(0);
    a.forEach((ai, i) => points[i].forEach((z, j) => (v[j] += ai * z)));
    return v;
  };
  const project = (x: number[]): number[] => {
    const u = [...x].sort((p, q) => q - p);
    let cum = 0;
    let theta = 0;
    for (let k = 0; k < n; k++) {
      cum += u[k];
      const t = (cum - 1) / (k + 1);
      if (u[k] - t > 0) theta = t;
    }
    return x.map((v) => Math.max(v - theta, 0));
  };
  const L = points.reduce((s, z) => s + z.reduce((a, b) => a + b * b, 0), 0);
  let alpha = new Array<number>(n).fill(1 / n);
  let y = alpha.slice();
  let t = 1;
  for (let k = 0; k < iterations; k++) {
    const v = combine(y);
    const grad = points.map((z) => z.reduce((s, zj, j) => s + zj * v[j], 0));
    const next = project(y.map((yi, i) => yi - grad[i] / L));
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    y = next.map((a, i) => a + ((t - 1) / tNext) * (a - alpha[i]));
    alpha = next;
    t = tNext;
  }
  const v = combine(alpha);
  const norm = Math.hypot(...v);
  const lower = Math.min(...points.map((z) => z.reduce((s, zj, j) => s + zj * v[j], 0))) / norm;
  return { v, lower, upper: norm };
}


/** Re-checks a non-separability certificate exactly: α ≥ 0, Σα = 1, Σ α_k z_{S_k} = 0. */
function checkCertificate(points: number[][], support: number[], weights: string[]): void {
  const rationals = weights.map((w) => {
    const [p, q] = w.split('/');
    return { num: BigInt(p), den: BigInt(q ?? '1') };
  });
  expect(rationals.every((r) => r.num >= 0n && r.den > 0n)).toBe(true);
  const den = rationals.reduce((acc, r) => acc * r.den, 1n);
  const scaled = rationals.map((r) => r.num * (den / r.den));
  expect(scaled.reduce((a, b) => a + b, 0n)).toBe(den);
  // Σ_k scaled_k m_k 2^{e_k} = 0, all over the common factor 2^{−1074}.
  for (let j = 0; j < points[0].length; j++) {
    let sum = 0n;
    support.forEach((s, k) => {
      const { m, e } = exactBinary(points[s][j]);
      sum += scaled[k] * (m << BigInt(e + 1074));
    });
    expect(sum, `coordinate ${j}`).toBe(0n);
  }
}

describe('certified max margin', () => {
  it('is exact on instances with a known answer', () => {
    const z = [0.6, -0.3, 0.2];
    const zd = z.map(dec);
    const nz = normDec(zd);
    checkKnown({ X: [z], y: [1] }, nz, zd.map((v) => v.div(nz)), 'one point');
    checkKnown({ X: [z, z.map((v) => -v)], y: [1, -1] }, nz, zd.map((v) => v.div(nz)), 'x and −x with labels 1, −1');
    const half = new D(2).sqrt().div(2);
    checkKnown({ X: [[1, 0], [0, 1]], y: [1, 1] }, half, [half, half], 'two orthogonal unit vectors');
    checkKnown({ X: [[0.45, 0.8], [0.45, -0.8]], y: [1, 1] }, dec(0.45), [new D(1), new D(0)], 'mirror pair');
    checkKnown(
      { X: [[0.3, 0.5, 0], [0.3, -0.5, 0], [0.3, 0, 0.5], [-0.3, 0, 0.5]], y: [1, 1, 1, -1] },
      dec(0.3),
      [new D(1), new D(0), new D(0)],
      'four symmetric points',
    );
    // A third point exactly on the margin, inside the segment of the other two.
    checkKnown({ X: [[0.45, 0.8], [0.45, -0.8], [0.45, 0]], y: [1, 1, 1] }, dec(0.45), [new D(1), new D(0)], 'redundant margin point');
  });

  it('matches a textbook solver on random separable instances (relative width ≤ 1e−9)', () => {
    fc.assert(
      fc.property(separableData({ nMin: 2, nMax: 30, dMin: 2, dMax: 6, margin: 0.05 }), (data) => {
        const points = signedPoints(data);
        const tb = textbookMinNorm(points);
        expect(tb.upper - tb.lower).toBeLessThan(1e-4 * tb.upper);
        for (const exactFace of [true, false]) {
          const r = expectSeparable(certifiedMaxMargin(data, { exactFace }));
          expect(r.relativeWidth).toBeLessThan(1e-9);
          // The certified interval and the textbook bounds [lower, upper] overlap.
          expect(r.gamma.lo).toBeLessThanOrEqual(tb.upper * (1 + 1e-15));
          expect(r.gamma.hi).toBeGreaterThanOrEqual(tb.lower * (1 - 1e-15));
          // ū from the textbook point, within its own accuracy ‖v − v*‖ ≤ √(‖v‖² − γ̄²).
          const slack = (2 * Math.sqrt(Math.max(0, tb.upper ** 2 - r.gamma.lo ** 2))) / tb.upper + 1e-12;
          const u = tb.v.map((x) => x / tb.upper);
          const dist = Math.hypot(...u.map((x, j) => x - r.direction.center[j]));
          expect(dist).toBeLessThanOrEqual(r.direction.radius + slack);
        }
      }),
      fuzz(40, SEED),
    );
  });

  it('recognises non-separable data with an exact certificate', () => {
    fc.assert(
      fc.property(randomLabelData(20, 2), (data) => {
        const points = signedPoints(data);
        const tb = textbookMinNorm(points, 2000);
        const r = certifiedMaxMargin(data);
        if (tb.upper > 1e-3) {
          // Separable after all (the textbook hull stays away from 0): never called non-separable.
          expect(r.kind).not.toBe('non-separable');
          return;
        }
        expect(r.kind).toBe('non-separable');
        if (r.kind === 'non-separable') checkCertificate(points, r.support, r.weights);
      }),
      fuzz(30, SEED),
    );
    // Boundary cases: 0 on the hull's boundary, a zero point, antipodal points.
    for (const data of [
      { X: [[0.5, 0.3], [0.5, 0.3]], y: [1, -1] },
      { X: [[0, 0], [0.5, 0.5]], y: [1, 1] },
      { X: [[1, 0], [-0.5, 0.5], [-0.5, -0.5]], y: [1, 1, 1] },
      { X: [[0.2, 0.1], [-0.4, -0.2]], y: [1, 1] },
    ]) {
      const r = certifiedMaxMargin(data);
      expect(r.kind).toBe('non-separable');
      if (r.kind === 'non-separable') checkCertificate(signedPoints(data), r.support, r.weights);
    }
  });

  it('never calls separable data non-separable, even with tiny margins', () => {
    fc.assert(
      fc.property(separableData({ nMin: 2, nMax: 20, dMin: 1, dMax: 4, margin: 1e-6 }), (data) => {
        const r = certifiedMaxMargin(data);
        expect(r.kind).not.toBe('non-separable');
        if (r.kind === 'separable') expect(r.gamma.lo).toBeGreaterThan(0);
      }),
      fuzz(30, SEED),
    );
  });
});
