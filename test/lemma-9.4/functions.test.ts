import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Arith } from '../../src/arithmetic/arith.js';
import { decimalArith } from '../../src/arithmetic/decimal-arith.js';
import { floatArith } from '../../src/arithmetic/float-arith.js';
import { intervalArith } from '../../src/arithmetic/interval-arith.js';
import type { Interval } from '../../src/arithmetic/interval.js';
import { index, param } from '../../src/language/builder.js';
import { Evaluator } from '../../src/language/evaluate.js';
import { print } from '../../src/language/print.js';
import { fromPlain, scalar, type Value } from '../../src/language/value.js';
import { type GdSetting, gdSetting } from '../../src/domains/gd-instances.js';
import * as expressions from '../../src/models/relu-net.js';
import * as functions from '../../src/models/relu-net-functions.js';
import { fuzz } from '../fuzz.js';

/**
 * The model functions' three implementations (float loops, certified kernels,
 * plain Arith code) against each other and against the expression versions of
 * src/models/relu-net.ts, including autodiff of the risk for ∇R̂.
 */

const W = param('W');
const Z = param('Z');
const net = { a: param('a'), m: param('m') };
const data = { X: param('X', { label: 'x' }), y: param('y'), n: param('n') };
const k = param('k');

/** Model-function expressions, and the notes' expressions of the same quantities. */
const fast = {
  risk: functions.risk(net, data, W),
  gradient: functions.riskGradient(net, data, W),
  surrogate: functions.surrogateRisk(net, data, Z, W),
  output: functions.netOutput(net, data, k, W),
  pointGradient: functions.netGradient(net, data, k, W),
  pairing: functions.netGradientPairing(net, data, k, W, Z),
};
const reference = {
  risk: expressions.risk(net, data, W),
  gradient: expressions.riskGradient(net, data, W),
  output: expressions.netOutput(net, data.X.at(k), W),
  pointGradient: expressions.netGradientFormula(net, data.X.at(k), W),
};

/** W as a box of half-width r around the instance's W_0 (a point when r = 0); Z a second matrix. */
function env<T>(A: Arith<T>, s: GdSetting, r: number, kIndex: number): Evaluator<T> {
  const box = (w: number) => (r === 0 ? A.num(w) : A.range(w - r * Math.abs(w), w + r * Math.abs(w)));
  const values: Record<string, Value<T>> = {
    W: { shape: [s.m, s.d], data: s.W0.flat().map(box) },
    Z: fromPlain(A, s.W0.map((row) => row.map((w) => 0.5 - w)), 'Z'),
    X: fromPlain(A, s.X, 'X'),
    y: fromPlain(A, s.y, 'y'),
    a: fromPlain(A, s.a, 'a'),
  };
  return new Evaluator(A, values, { n: s.n, m: s.m, d: s.d, k: kIndex });
}

const settings = gdSetting({ points: [1, 7], dimension: [1, 4], width: [1, 6] });
const decimal = decimalArith(40);

function overlaps(a: Interval, lo: number, hi: number): boolean {
  return a.lo <= hi && lo <= a.hi;
}

describe('ReLU net model functions', () => {
  it('enclose the decimal values, agree with floats, and with the expression versions (autodiff for ∇R̂)', () => {
    fc.assert(
      fc.property(settings, fc.nat(), (s, kSeed) => {
        const kIndex = 1 + (kSeed % s.n);
        const I = env(intervalArith, s, 0, kIndex);
        const D = env(decimal, s, 0, kIndex);
        const F = env(floatArith, s, 0, kIndex);
        for (const [name, e] of Object.entries(fast)) {
          const iv = I.value(e.node).data;
          const dv = D.value(e.node).data;
          const fv = F.value(e.node).data;
          iv.forEach((x, j) => {
            expect(overlaps(x, decimal.lo(dv[j]), decimal.hi(dv[j])), `${name}[${j}] vs decimal`).toBe(true);
            expect(Math.abs(fv[j] - (x.lo + x.hi) / 2), `${name}[${j}] vs float`).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(fv[j])));
          });
        }
        for (const [name, e] of Object.entries(reference)) {
          const mine = I.value(fast[name as keyof typeof reference].node).data;
          I.value(e.node).data.forEach((x, j) => expect(overlaps(x, mine[j].lo, mine[j].hi), `${name}[${j}] vs expression`).toBe(true));
        }
      }),
      fuzz(40, 11),
    );
  });

  it('over a box of weights, enclose the value at every point of the box', () => {
    fc.assert(
      fc.property(settings, fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 6 * 4, maxLength: 6 * 4 }), (s, offsets) => {
        const r = 1e-6;
        const I = env(intervalArith, s, r, 1);
        // A point inside the box, evaluated in decimals.
        const inside = s.W0.flat().map((w, e) => w + offsets[e % offsets.length] * r * Math.abs(w) * (1 - 1e-9));
        const D = env(decimal, s, 0, 1);
        const Dw = new Evaluator(decimal, (name) => (name === 'W' ? { shape: [s.m, s.d], data: inside.map((w) => decimal.num(w)) } : D.lookup(name)), { n: s.n, m: s.m, d: s.d, k: 1 });
        for (const [name, e] of Object.entries(fast)) {
          const box = I.value(e.node).data;
          Dw.value(e.node).data.forEach((x, j) => expect(overlaps(box[j], decimal.lo(x), decimal.hi(x)), `${name}[${j}]`).toBe(true));
        }
      }),
      fuzz(30, 12),
    );
  });

  it('give exact zeros for dead neurons and zero points', () => {
    const s: GdSetting = { n: 2, d: 2, m: 2, X: [[1, 0], [0, 0]], y: [1, -1], a: [1, -1], W0: [[0.5, 0.25], [-0.5, 0.25]], data: 'random labels', scale: 1 };
    const I = env(intervalArith, s, 0, 2);
    const G = I.value(fast.gradient.node).data;
    // Row 2 (w_2 = (−0.5, 0.25)) is inactive on x_1 = e_1 and x_2 = 0; column 2 of every active term is 0.
    expect(G.slice(2)).toEqual([{ lo: 0, hi: 0 }, { lo: 0, hi: 0 }]);
    expect(G[1]).toEqual({ lo: 0, hi: 0 });
    expect(G[0].lo).toBeLessThan(0);
    expect(I.value(fast.output.node).data[0]).toEqual({ lo: 0, hi: 0 });
    expect(I.value(fast.pairing.node).data[0]).toEqual({ lo: 0, hi: 0 });
  });

  it('print in the notes\' notation', () => {
    const i = index('i');
    const Wi = param('W', { base: [0, 1] }).at(i);
    const kk = index('k');
    expect(print(functions.risk(net, data, Wi).node)).toBe('R̂(Wᵢ)');
    expect(print(functions.riskGradient(net, data, Wi).node)).toBe('∇R̂(Wᵢ)');
    expect(print(functions.surrogateRisk(net, data, Z, Wi).node)).toBe('R̂⁽ⁱ⁾(Z)');
    expect(print(functions.surrogateRisk(net, data, Z, param('W', { base: [0, 1] }).at(0)).node)).toBe('R̂⁽⁰⁾(Z)');
    expect(print(functions.netOutput(net, data, kk, Wi).node)).toBe('f(xₖ; Wᵢ)');
    expect(print(functions.netGradientPairing(net, data, kk, Wi, Z, data.y.at(kk)).node)).toBe('⟨yₖ·∇f(xₖ; Wᵢ), Z⟩');
    expect(print(functions.pairingNetGradient(net, data, Z, kk, Wi).node)).toBe('⟨Z, ∇f(xₖ; Wᵢ)⟩');
  });

  it('reject a point index outside 1..n', () => {
    const s: GdSetting = { n: 1, d: 1, m: 1, X: [[1]], y: [1], a: [1], W0: [[1]], data: 'random labels', scale: 1 };
    const I = env(intervalArith, s, 0, 2);
    expect(() => I.value(fast.output.node)).toThrow(/outside 1..1/);
    expect(scalar(1).shape).toEqual([]);
  });
});
