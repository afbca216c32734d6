import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatArith } from '../../src/arithmetic/float-arith.js';
import { intervalArith } from '../../src/arithmetic/interval-arith.js';
import type { Interval } from '../../src/arithmetic/interval.js';
import type { Dataset } from '../../src/models/dataset.js';
import {
  netGradient,
  netGradientDescent,
  netNormalizedMargin,
  netOutput,
  netRisk,
  parameterWidth,
  parametersIn,
  scaleParameters,
} from '../../src/models/relu-net-homogeneous.js';
import { D, type Dec, SEED, contains, dec, describeMiss, separableData } from './margin-reference.js';
import { fuzz } from '../fuzz.js';

/** θ = (a, W) as plain numbers. */
interface Theta {
  a: number[];
  W: number[][];
}

function thetaFor(d: number, m: number): fc.Arbitrary<Theta> {
  const entry = fc.double({ min: -1, max: 1, noNaN: true }).filter((v) => Math.abs(v) > 1e-3);
  return fc.record({
    a: fc.array(entry, { minLength: m, maxLength: m }),
    W: fc.array(fc.array(entry, { minLength: d, maxLength: d }), { minLength: m, maxLength: m }),
  });
}

const instance = separableData({ nMin: 1, nMax: 6, dMin: 1, dMax: 3, margin: 0.05 }).chain((data) =>
  fc.tuple(fc.constant(data), fc.integer({ min: 1, max: 4 }).chain((m) => thetaFor(data.X[0].length, m))),
);

/** Exact risk in decimal.js for parameters given as decimals. */
function riskDec(data: Dataset, a: Dec[], W: Dec[][]): Dec {
  return data.X.map((x, i) => {
    const f = W.reduce((s, w, j) => s.plus(a[j].times(D.max(0, w.reduce((t, v, k) => t.plus(v.times(dec(x[k]))), new D(0))))), new D(0));
    return D.exp(f.times(-data.y[i]));
  }).reduce((p, q) => p.plus(q), new D(0));
}

/** Some pre-activation ⟨w_j, x_i⟩ within 1e−6 of the kink (the derivative checks skip those). */
function nearKink(data: Dataset, theta: Theta): boolean {
  return theta.W.some((w) => data.X.some((x) => Math.abs(w.reduce((s, v, k) => s + v * x[k], 0)) < 1e-6));
}

describe('two-layer ReLU net, both layers trained (2-homogeneous)', () => {
  it('f(x; cθ) = c² f(x; θ) and γ(cθ) = γ(θ): the enclosures agree', () => {
    fc.assert(
      fc.property(instance, fc.double({ min: 0.01, max: 100, noNaN: true }), ([data, theta], c) => {
        const A = intervalArith;
        const th = parametersIn(A, theta);
        const scaled = scaleParameters(A, th, A.num(c));
        const x = data.X[0].map((v) => A.num(v));
        const lhs = netOutput(A, scaled, x);
        const rhs = A.mul(A.sqr(A.num(c)), netOutput(A, th, x));
        expect(lhs.lo <= rhs.hi && rhs.lo <= lhs.hi).toBe(true);
        const exact = theta.W.reduce(
          (s, w, j) => s.plus(dec(theta.a[j]).times(D.max(0, w.reduce((t, v, k) => t.plus(dec(v).times(dec(data.X[0][k]))), new D(0))))),
          new D(0),
        );
        expect(contains(rhs, exact.times(dec(c).pow(2)))).toBe(true);
        expect(contains(lhs, exact.times(dec(c).pow(2)))).toBe(true);
        try {
          const g1 = netNormalizedMargin(A, data, th);
          const g2 = netNormalizedMargin(A, data, scaled);
          expect(g1.lo <= g2.hi && g2.lo <= g1.hi).toBe(true);
        } catch (e) {
          expect((e as Error).name).toBe('DomainError');
        }
      }),
      fuzz(60, SEED),
    );
  });

  it('the gradient encloses the exact derivative (central differences at 50 digits)', () => {
    fc.assert(
      fc.property(instance, ([data, theta]) => {
        fc.pre(!nearKink(data, theta));
        const g = netGradient(intervalArith, data, parametersIn(intervalArith, theta));
        const a = theta.a.map(dec);
        const W = theta.W.map((w) => w.map(dec));
        const h = new D('1e-15');
        const check = (box: Interval, plus: () => Dec, minus: () => Dec, what: string): void => {
          const fd = plus().minus(minus()).div(h.times(2));
          // Central differences: O(h²) = 1e−30 truncation, 1e−35 cancellation at 50 digits; allow 1e−27.
          const widened = { lo: box.lo - 1e-27, hi: box.hi + 1e-27 };
          expect(contains(widened, fd), describeMiss(what, box, fd)).toBe(true);
        };
        a.forEach((_, j) => {
          const shifted = (s: Dec): Dec[] => a.map((v, k) => (k === j ? v.plus(s) : v));
          check(g.a[j], () => riskDec(data, shifted(h), W), () => riskDec(data, shifted(h.neg()), W), `∂/∂a_${j}`);
        });
        W.forEach((w, j) =>
          w.forEach((_, l) => {
            const shifted = (s: Dec): Dec[][] => W.map((row, r) => row.map((v, c) => (r === j && c === l ? v.plus(s) : v)));
            check(g.W[j][l], () => riskDec(data, a, shifted(h)), () => riskDec(data, a, shifted(h.neg())), `∂/∂W_${j}${l}`);
          }),
        );
      }),
      fuzz(15, SEED),
    );
  });

  it('certified gradient descent encloses the float iterates away from kinks', () => {
    fc.assert(
      fc.property(instance, ([data, theta]) => {
        fc.pre(!nearKink(data, theta));
        const steps = 10;
        const eta = 0.25;
        const boxes = netGradientDescent(intervalArith, data, parametersIn(intervalArith, theta), intervalArith.num(eta), steps);
        const floats = netGradientDescent(floatArith, data, parametersIn(floatArith, theta), eta, steps);
        // Floats follow the exact iterates to about 1e−15 while no pre-activation crosses 0.
        boxes.forEach((b, k) => {
          b.a.forEach((box, j) => expect(Math.abs(floats[k].a[j] - (box.lo + box.hi) / 2)).toBeLessThan(1e-9 + (box.hi - box.lo)));
        });
        expect(parameterWidth(intervalArith, boxes[steps])).toBeLessThan(1e-6);
        const r = netRisk(intervalArith, data, boxes[steps]);
        expect(r.hi).toBeLessThanOrEqual(netRisk(intervalArith, data, boxes[0]).hi * (1 + 1e-12) + 1e-12);
      }),
      fuzz(20, SEED),
    );
  });
});
