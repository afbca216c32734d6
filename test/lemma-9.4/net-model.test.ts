import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalArith } from '../../src/arithmetic/decimal-arith.js';
import { DomainError } from '../../src/arithmetic/domain-error.js';
import type { Interval } from '../../src/arithmetic/interval.js';
import { type GdSetting, gdSetting } from '../../src/domains/gd-instances.js';
import { floatNetArrays } from '../../src/models/net-arrays-float.js';
import { type Box, intervalNetArrays } from '../../src/models/net-arrays-interval.js';
import { reluNetModel } from '../../src/models/relu-net-model.js';
import { netSample } from '../../src/models/relu-net-sample.js';
import { fuzz } from '../fuzz.js';

/**
 * The net written once (relu-net-model.ts) in its float-interval and float
 * specialisations, directly (not through the evaluator), against an
 * independent 60-digit decimal transcription of the notes' formulas written
 * here: on points and boxes of weights, at exact kinks (both choices of σ'(0)
 * must lie in the enclosure), at tiny and huge weights (overflow: the kernels'
 * slow path), with infinite ends (read as reals beyond the double range) and
 * 0·∞ in the fast loops (repaired by the slow path), and NaN refused.
 */

const D = decimalArith(60);
type Dec = ReturnType<typeof D.num>;
const MAX = Number.MAX_VALUE;

/** Every quantity of the model at one point W (finite doubles), with σ'(0) = kink where a preactivation is 0. */
function reference(s: GdSetting, W: readonly number[], Z: readonly number[], kink: 'clarke' | 0 | 1) {
  const { n, m, d, X, y, a } = s;
  const sq = D.div(D.num(1), D.sqrt(D.num(m)));
  const pre = (V: readonly number[], k: number, j: number): Dec => D.sum(X[k].map((x, l) => D.mul(D.num(V[j * d + l]), D.num(x))));
  const slope = (p: Dec): Dec => {
    if (D.lo(p) > 0 || D.hi(p) < 0 || kink === 'clarke') return D.reluPrime(p);
    return D.num(kink);
  };
  const P = X.map((_, k) => a.map((_, j) => pre(W, k, j)));
  const Q = X.map((_, k) => a.map((_, j) => pre(Z, k, j)));
  const f = P.map((row) => D.mul(sq, D.sum(row.map((p, j) => D.mul(D.num(a[j]), D.relu(p))))));
  const pairing = P.map((row, k) => D.mul(sq, D.sum(row.map((p, j) => D.mul(D.mul(D.num(a[j]), slope(p)), Q[k][j])))));
  const mean = (v: Dec[]): Dec => D.div(D.sum(v), D.num(n));
  const c = f.map((fk, k) => D.mul(D.logisticPrime(D.mul(D.num(y[k]), fk)), D.num(y[k])));
  const gradient: Dec[] = [];
  const pointGradient: Dec[][] = X.map(() => []);
  for (let j = 0; j < m; j++)
    for (let l = 0; l < d; l++) {
      gradient.push(mean(X.map((x, k) => D.mul(D.mul(c[k], D.mul(sq, D.mul(D.num(a[j]), slope(P[k][j])))), D.num(x[l])))));
      X.forEach((x, k) => pointGradient[k].push(D.mul(D.mul(sq, D.mul(D.num(a[j]), slope(P[k][j]))), D.num(x[l]))));
    }
  return {
    output: f,
    risk: mean(f.map((fk, k) => D.logistic(D.mul(D.num(y[k]), fk)))),
    gradient,
    surrogate: mean(pairing.map((u, k) => D.logistic(D.mul(D.num(y[k]), u)))),
    pointGradient,
    pairing,
  };
}

type Quantities = { [K in keyof ReturnType<typeof reference>]: Interval | Interval[] | Interval[][] };

function model(s: GdSetting, W: Box, Z: Box): Quantities {
  const net = reluNetModel(intervalNetArrays(netSample(s.X.flat(), s.n, s.d, s.y, s.a)));
  const P = net.preactivations(W);
  const Q = net.preactivations(Z);
  const rows = (b: Box): Interval[] => Array.from(b.lo, (lo, i) => ({ lo, hi: b.hi[i] }));
  return {
    output: s.X.map((_, k) => net.output(P, k)),
    risk: net.risk(P),
    gradient: rows(net.riskGradient(P)),
    surrogate: net.surrogateRisk(P, Q),
    pointGradient: s.X.map((_, k) => rows(net.pointGradient(P, k))),
    pairing: s.X.map((_, k) => net.pairing(P, Q, k)),
  };
}

/** Whether the enclosure overlaps the 60-digit enclosure of the same real (two sound enclosures always do). */
function overlaps(x: Interval, r: Dec): boolean {
  return x.lo <= D.hi(r) && D.lo(r) <= x.hi && x.lo <= x.hi && x.lo < Infinity && x.hi > -Infinity;
}

function expectEnclosed(got: Quantities, want: ReturnType<typeof reference>, context: string): void {
  for (const name of Object.keys(want) as (keyof typeof want)[]) {
    const g = [got[name]].flat(2) as Interval[];
    const w = [want[name]].flat(2) as Dec[];
    expect(g.length, name).toBe(w.length);
    g.forEach((x, i) => expect(overlaps(x, w[i]), `${context}: ${name}[${i}] = [${x.lo}, ${x.hi}] vs [${D.lo(w[i])}, ${D.hi(w[i])}]`).toBe(true));
  }
}

const point = (v: readonly number[]): Box => {
  const x = Float64Array.from(v);
  return { lo: x, hi: x };
};
const boxAround = (v: readonly number[], r: number): Box => ({ lo: Float64Array.from(v, (w) => w - r * Math.abs(w)), hi: Float64Array.from(v, (w) => w + r * Math.abs(w)) });
const comparison = (s: GdSetting): number[] => s.W0.flat().map((w, e) => 0.5 - w + e / 64);

const settings = gdSetting({ points: [1, 7], dimension: [1, 4], width: [1, 6] });

describe('the ReLU net written once, specialised to float intervals', () => {
  it('encloses the 60-digit values at points, and the float specialisation agrees with it', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const W = s.W0.flat();
        const Z = comparison(s);
        const got = model(s, point(W), point(Z));
        expectEnclosed(got, reference(s, W, Z, 'clarke'), 'point');
        const net = reluNetModel(floatNetArrays(netSample(s.X.flat(), s.n, s.d, s.y, s.a)));
        const G = net.riskGradient(net.preactivations(Float64Array.from(W)));
        (got.gradient as Interval[]).forEach((x, e) => expect(Math.abs(G[e] - (x.lo + x.hi) / 2)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(G[e]))));
        expect(Math.abs(net.risk(net.preactivations(Float64Array.from(W))) - (got.risk as Interval).lo)).toBeLessThan(1e-12);
      }),
      fuzz(60, 31),
    );
  });

  it('over a box of weights encloses the value at points inside it', () => {
    fc.assert(
      fc.property(settings, fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 24, maxLength: 24 }), (s, offsets) => {
        const r = 1e-6;
        const W = s.W0.flat();
        const got = model(s, boxAround(W, r), boxAround(comparison(s), r));
        const inside = (v: readonly number[]) => v.map((w, e) => w + offsets[e % 24] * r * Math.abs(w) * (1 - 1e-9));
        expectEnclosed(got, reference(s, inside(W), inside(comparison(s)), 'clarke'), 'box');
      }),
      fuzz(40, 32),
    );
  });

  it('at exact kinks (⟨w_j, x_k⟩ = 0) encloses both choices of σ\'(0)', () => {
    // Dyadic data: every product and sum is exact, so the kinks are exact zeros.
    const dyadic = fc.integer({ min: -8, max: 8 }).map((v) => v / 8);
    const kinked = fc.record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 4 }), seed: fc.array(dyadic, { minLength: 40, maxLength: 40 }), signs: fc.array(fc.constantFrom(1, -1), { minLength: 8, maxLength: 8 }) }).map(({ n, m, seed, signs }): GdSetting => {
      const X = Array.from({ length: n }, (_, k) => [seed[2 * k] / 2, seed[2 * k + 1] / 2]);
      // Row j is orthogonal to x_{j mod n} (a kink there), and gets a generic second component otherwise.
      const W0 = Array.from({ length: m }, (_, j) => {
        const x = X[j % n];
        return x[0] === 0 && x[1] === 0 ? [seed[20 + j], seed[30 + j]] : [x[1], -x[0]];
      });
      return { n, d: 2, m, X, y: signs.slice(0, n), a: signs.slice(4, 4 + m), W0, data: 'random labels', scale: 1 };
    });
    fc.assert(
      fc.property(kinked, (s) => {
        const W = s.W0.flat();
        const Z = comparison(s);
        const got = model(s, point(W), point(Z));
        for (const kink of [0, 1] as const) expectEnclosed(got, reference(s, W, Z, kink), `σ'(0) = ${kink}`);
      }),
      fuzz(200, 33),
    );
  });

  it('tiny weights (subnormal preactivations) and exact zeros', () => {
    for (const scale of [1e-300, 1e-310, 2 ** -1074]) {
      const s: GdSetting = { n: 3, d: 2, m: 3, X: [[1e-10, 0.5], [0, 0], [-1, 1e-300]], y: [1, -1, 1], a: [1, -1, 1], W0: [[scale, -scale], [0, 0], [-scale, 2 * scale]], data: 'random labels', scale };
      const W = s.W0.flat();
      const got = model(s, point(W), point(W));
      expectEnclosed(got, reference(s, W, W, 'clarke'), `scale ${scale}`);
      // The zero point gives exact zeros; so does row 1, dead on every point (unless its preactivations underflow
      // into the kernels' allowance). The zero row 2 is a true kink everywhere: its enclosure holds σ'(0) = [0, 1].
      expect((got.output as Interval[])[1]).toEqual({ lo: 0, hi: 0 });
      expect((got.pointGradient as Interval[][])[1].every((x) => x.lo === 0 && x.hi === 0)).toBe(true);
      if (scale >= 1e-310) expect((got.gradient as Interval[]).slice(0, 2)).toEqual([{ lo: 0, hi: 0 }, { lo: 0, hi: 0 }]);
    }
  });

  it('huge weights: overflowing sums take the exact slow path and still enclose', () => {
    for (const w of [1e300, 0.6 * MAX, MAX]) {
      const s: GdSetting = { n: 2, d: 3, m: 2, X: [[1, 1, 0.5], [0.5, -1, 1]], y: [1, -1], a: [1, -1], W0: [[w, w, w], [-w, w, w / 2]], data: 'random labels', scale: w };
      const W = s.W0.flat();
      expectEnclosed(model(s, point(W), point(W)), reference(s, W, W, 'clarke'), `w = ${w}`);
    }
  });

  it('infinite entries are reals beyond the double range; 0·∞ in the fast loops is repaired', () => {
    const s: GdSetting = { n: 2, d: 2, m: 2, X: [[1, 0], [0.5, 0.5]], y: [1, -1], a: [1, -1], W0: [[1, 1], [-1, 1]], data: 'random labels', scale: 1 };
    // An overflowed point entry (+∞ denotes [MAX, ∞]): the value at MAX is inside.
    const over = [Infinity, 1, -1, 1];
    expectEnclosed(model(s, point(over), point(over)), reference(s, [MAX, 1, -1, 1], [MAX, 1, -1, 1], 'clarke'), '+∞ entry');
    // A box with an infinite end times the zero coordinate of x_1: 0·∞ = NaN in the fast loop.
    const box: Box = { lo: Float64Array.from([0.5, -Infinity, -1, 1]), hi: Float64Array.from([1, 2, -1, 1]) };
    expectEnclosed(model(s, box, box), reference(s, [0.75, -3, -1, 1], [0.75, -3, -1, 1], 'clarke'), 'unbounded box');
  });

  it('a NaN weight is refused, never a narrow wrong interval', () => {
    const s: GdSetting = { n: 1, d: 2, m: 1, X: [[1, 0.5]], y: [1], a: [1], W0: [[NaN, 1]], data: 'random labels', scale: 1 };
    expect(() => model(s, point([NaN, 1]), point([1, 1]))).toThrow(DomainError);
  });
});
