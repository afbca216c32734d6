import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/models/dataset.js';
import { type FlowPoint, validatedGradientFlow } from '../../src/trajectories/gradient-flow.js';
import { D, type Dec, Q, type QDec, contains, dec, describeMiss, dotDec, normDec, tanhSinh } from './margin-reference.js';

/**
 * The validated flow against closed forms, computed exactly in decimal.js
 * at 50 digits: the exact value lies in every enclosure, from t = 1e−6 to
 * t = 1e6 (and the enclosures are tight).
 */

const TIMES = [1e-6, 1e-4, 1e-2, 0.5, 1, 10, 100, 1e4, 1e6];

interface Exact {
  w: Dec[];
  risk: Dec;
  speed: Dec;
  pathLength: Dec;
}

function checkPoint(p: FlowPoint, exact: Exact, label: string): void {
  const at = `${label} at t=${p.t}`;
  p.w.forEach((box, j) => expect(contains(box, exact.w[j]), describeMiss(`${at} w[${j}]`, box, exact.w[j])).toBe(true));
  const norm = normDec(exact.w);
  expect(contains(p.norm, norm), describeMiss(`${at} ‖w‖`, p.norm, norm)).toBe(true);
  expect(contains(p.risk, exact.risk), describeMiss(`${at} L`, p.risk, exact.risk)).toBe(true);
  expect(contains(p.speed, exact.speed), describeMiss(`${at} ‖ẇ‖`, p.speed, exact.speed)).toBe(true);
  expect(contains(p.pathLength, exact.pathLength), describeMiss(`${at} ∫‖ẇ‖`, p.pathLength, exact.pathLength)).toBe(true);
}

function run(data: Dataset, exactAt: (t: Dec) => Exact, label: string, w0?: number[]): FlowPoint[] {
  const result = validatedGradientFlow(data, TIMES, w0 ? { w0 } : {});
  expect(result.complete).toBe(true);
  for (const p of result.points) checkPoint(p, exactAt(dec(p.t)), label);
  return result.points;
}

/** Relative width bound: radius ≤ 1e−9 ‖w(t)‖ (and path-length width ≤ 1e−9 of it). */
function expectTight(points: FlowPoint[]): void {
  for (const p of points) {
    const size = Math.max(p.norm.hi, 1e-300);
    expect(p.radius / size).toBeLessThan(1e-9);
    expect((p.pathLength.hi - p.pathLength.lo) / Math.max(p.pathLength.hi, 1e-300)).toBeLessThan(1e-9);
  }
}

/**
 * k copies of one point z (k = 1: the single point), start w0:
 * with φ = ⟨z, w⟩, a = ‖z‖², φ̇ = k a e^{−φ}, so φ(t) = log(e^{φ0} + k a t) and
 * w(t) = w0 + (φ(t) − φ0) z/a; it moves along z, so ∫‖ẇ‖ = (φ − φ0)/‖z‖.
 */
function copiesOfOnePoint(z: number[], k: number, w0: number[]): (t: Dec) => Exact {
  const zd = z.map(dec);
  const a = zd.reduce((s, v) => s.plus(v.times(v)), new D(0));
  const phi0 = dotDec(w0, zd);
  return (t) => {
    const phi = D.ln(D.exp(phi0).plus(a.times(t).times(k)));
    const e = D.exp(phi.neg());
    return {
      w: w0.map((v, j) => dec(v).plus(phi.minus(phi0).times(zd[j]).div(a))),
      risk: e.times(k),
      speed: e.times(k).times(a.sqrt()),
      pathLength: phi.minus(phi0).div(a.sqrt()),
    };
  };
}

describe('validated gradient flow: closed forms', () => {
  it('one point: w(t) = log(1 + ‖z‖²t) z/‖z‖²', () => {
    const z = [0.6, -0.3, 0.2];
    expectTight(run({ X: [z], y: [1] }, copiesOfOnePoint(z, 1, [0, 0, 0]), 'one point'));
    // A label −1 flips z; a point on the unit sphere; a start off the origin.
    const x = [-0.28, 0.96];
    run({ X: [x], y: [-1] }, copiesOfOnePoint([0.28, -0.96], 1, [0, 0]), 'one point, y = −1');
    run({ X: [[0.5]], y: [1] }, copiesOfOnePoint([0.5], 1, [2]), 'one point, d = 1, w0 = 2', [2]);
    run({ X: [[0.3, 0.4]], y: [1] }, copiesOfOnePoint([0.3, 0.4], 1, [-1, 0.5]), 'one point, w0 ≠ 0', [-1, 0.5]);
  });

  it('two symmetric points x, −x with labels 1, −1 (duplicated z): w(t) = log(1 + 2‖z‖²t) z/‖z‖²', () => {
    const x = [0.1, -0.7, 0.4];
    const data = { X: [x, x.map((v) => -v)], y: [1, -1] };
    expectTight(run(data, copiesOfOnePoint(x, 2, [0, 0, 0]), 'duplicated z'));
  });

  it('two mirror points (a, ±b): w(t) = (log(1 + 2a²t)/a, 0)', () => {
    const [a, b] = [0.45, 0.8];
    const data = { X: [[a, b], [a, -b]], y: [1, 1] };
    const ad = dec(a);
    const points = run(
      data,
      (t) => {
        const s = ad.times(ad).times(t).times(2).plus(1);
        return {
          w: [D.ln(s).div(ad), new D(0)],
          risk: new D(2).div(s),
          speed: ad.times(2).div(s),
          pathLength: D.ln(s).div(ad),
        };
      },
      'mirror pair',
    );
    expectTight(points);
  });

  it('orthogonal points: w(t) = Σ log(1 + ‖z_i‖²t) z_i/‖z_i‖² (equal norms: straight path)', () => {
    // (p, q) ⊥ (−q, p) exactly in doubles, and both ⊥ e_3.
    const zs = [
      [0.6, 0.7, 0],
      [-0.7, 0.6, 0],
      [0, 0, -0.5],
    ];
    const data = { X: zs, y: [1, 1, 1] };
    const zd = zs.map((z) => z.map(dec));
    const as = zd.map((z) => z.reduce((s, v) => s.plus(v.times(v)), new D(0)));
    const speedAt = (s: Dec): Dec => as.reduce((acc, a) => acc.plus(a.div(a.times(s).plus(1).pow(2))), new D(0)).sqrt();
    const asQ = as.map((a) => new Q(a));
    const speedQ = (s: QDec): QDec => asQ.reduce((acc, a) => acc.plus(a.div(a.times(s).plus(1).pow(2))), new Q(0)).sqrt();
    const points = run(
      data,
      (t) => {
        const logs = as.map((a) => D.ln(a.times(t).plus(1)));
        // ∫₀ᵗ‖ẇ‖ by tanh-sinh in x = log(1 + a_max s) (smooth on the whole range).
        const aMax = Q.max(...asQ);
        const X = Q.ln(aMax.times(t).plus(1));
        const integrand = (x: QDec): QDec => {
          const ex = Q.exp(x);
          return speedQ(ex.minus(1).div(aMax)).times(ex).div(aMax);
        };
        const coarse = tanhSinh(integrand, new Q(0), X, 1 / 16);
        const fine = new D(tanhSinh(integrand, new Q(0), X, 1 / 24));
        expect(fine.minus(coarse).abs().lte(fine.abs().times(1e-18))).toBe(true);
        return {
          w: [0, 1, 2].map((j) => zd.reduce((acc, z, i) => acc.plus(logs[i].times(z[j]).div(as[i])), new D(0))),
          risk: as.reduce((acc, a) => acc.plus(new D(1).div(a.times(t).plus(1))), new D(0)),
          speed: speedAt(t),
          pathLength: fine,
        };
      },
      'orthogonal',
    );
    expectTight(points);
    // Two orthogonal points of equal norm move on a straight line: ∫‖ẇ‖ = ‖w‖, both enclosures tight.
    const equal = validatedGradientFlow({ X: zs.slice(0, 2), y: [1, 1] }, TIMES);
    for (const p of equal.points) {
      const overlap = Math.min(p.norm.hi, p.pathLength.hi) - Math.max(p.norm.lo, p.pathLength.lo);
      expect(overlap).toBeGreaterThanOrEqual(0);
      expect(p.pathLength.hi - p.pathLength.lo).toBeLessThan(1e-10 * p.pathLength.hi);
    }
  });

  it('orthogonal points started far past two of them (u = 400, 800): their series are carried scaled, and still enclose', () => {
    // Each coordinate along z_i moves on its own: e^{u_i(t)} = e^{u_i(0)} + ‖z_i‖²t. At u = 400 the loss term is
    // e^−400 ≈ 10⁻¹⁷⁴ (a normal double, below the scaling bound 2⁻⁵⁰⁰), at u = 800 it is below every double.
    const zs = [
      [0.6, 0.7, 0],
      [-0.7, 0.6, 0],
      [0, 0, -0.5],
    ];
    const zd = zs.map((z) => z.map(dec));
    const as = zd.map((z) => z.reduce((s, v) => s.plus(v.times(v)), new D(0)));
    const w0 = [0, 1, 2].map((j) => (800 * zs[1][j]) / 0.85 + (400 * zs[2][j]) / 0.25);
    const phi0 = zd.map((z) => dotDec(w0, z));
    const points = run(
      { X: zs, y: [1, 1, 1] },
      (t) => {
        const es = phi0.map((p, i) => D.exp(p).plus(as[i].times(t)));
        const logs = es.map((e, i) => D.ln(e).minus(phi0[i]));
        const speed = as.reduce((acc, a, i) => acc.plus(a.div(es[i].pow(2))), new D(0)).sqrt();
        // ∫‖ẇ‖ lies between the first point's own path log(1 + ‖z_1‖²t e^{−u_1(0)})/‖z_1‖ and that plus the
        // other two's (‖a + b‖ ≤ ‖a‖ + ‖b‖); they differ by less than 10⁻¹⁶⁰. The lower end is checked here.
        return {
          w: [0, 1, 2].map((j) => zd.reduce((acc, z, i) => acc.plus(logs[i].times(z[j]).div(as[i])), dec(w0[j]))),
          risk: es.reduce((acc, e) => acc.plus(new D(1).div(e)), new D(0)),
          speed,
          pathLength: logs[0].div(as[0].sqrt()),
        };
      },
      'orthogonal, far start',
      w0,
    );
    // The upper end of the path length, and tightness.
    const extra = logs(points, zd, as, phi0);
    for (const [p, upper] of extra) expect(contains(p.pathLength, upper), describeMiss(`∫‖ẇ‖ upper at t=${p.t}`, p.pathLength, upper)).toBe(true);
    // Tight in w; the path length, short against ‖w‖ ≈ 1,900, is enclosed to 10⁻⁶ of itself.
    for (const p of points) {
      expect(p.radius / p.norm.hi).toBeLessThan(1e-9);
      expect((p.pathLength.hi - p.pathLength.lo) / p.pathLength.hi).toBeLessThan(1e-6);
    }
  });

  it('antipodal z, −z (not separable), started off the minimizer: tanh(φ/2) = tanh(φ0/2) e^{−2‖z‖²t}', () => {
    const x = [0.3, 0.4];
    const w0 = [0.9, -0.2];
    const data = { X: [x, x], y: [1, -1] };
    const zd = x.map(dec);
    const aa = zd.reduce((s, v) => s.plus(v.times(v)), new D(0));
    const phi0 = dotDec(w0, zd);
    run(
      data,
      (t) => {
        const phi = D.atanh(D.tanh(phi0.div(2)).times(D.exp(aa.times(t).times(-2)))).times(2);
        return {
          w: w0.map((v, j) => dec(v).plus(phi.minus(phi0).times(zd[j]).div(aa))),
          risk: D.cosh(phi).times(2),
          speed: D.sinh(phi).abs().times(2).times(aa.sqrt()),
          pathLength: phi0.minus(phi).abs().div(aa.sqrt()),
        };
      },
      'antipodal',
      w0,
    );
  });
});

/** Each point's upper end of ∫‖ẇ‖ in the far-start test: Σ_i (u_i(t) − u_i(0))/‖z_i‖. */
function logs(points: FlowPoint[], zd: Dec[][], as: Dec[], phi0: Dec[]): [FlowPoint, Dec][] {
  return points.map((p) => {
    const t = dec(p.t);
    const upper = as.reduce((acc, a, i) => acc.plus(D.ln(D.exp(phi0[i]).plus(a.times(t))).minus(phi0[i]).div(a.sqrt())), new D(0));
    return [p, upper];
  });
}
