/**
 * An exact ReLU kink ⟨w_j, x⟩ = 0 (rows of ±10⁻³⁰⁰, whose float products underflow) is decided
 * exactly, so the gradient and the notes' formula take the same σ'(0) there. Before, each side
 * enclosed σ'(0) by [0, 1] independently and `gradient-rows`, `gradient-norm.1` stayed
 * inconclusive (the default audit at seeds 17 and 19).
 */
import { describe, expect, it } from 'vitest';
import { exactDotSign } from '../../src/arithmetic/exact-dot.js';
import { intervalArith as I } from '../../src/arithmetic/interval-arith.js';
import { decimalArith } from '../../src/arithmetic/decimal-arith.js';
import reluGradient from '../../proofs/relu-gradient.js';
import { verdictsAt } from '../margins/verdicts.js';

const r = Math.SQRT1_2;

describe('exact kinks', () => {
  it('the exact sign of a dot product of doubles decides a zero that rounding cannot', () => {
    expect(exactDotSign([1e-300, -1e-300], [r, r])).toBe(0);
    expect(exactDotSign([1e-300, -1e-300], [r, r * (1 + 2 ** -52)])).toBe(-1);
    expect(exactDotSign([5e-324, 0], [0.5, 7])).toBe(1);
    expect(exactDotSign([0.1, 0.2, -0.3], [1, 1, 1])).toBe(1); // 0.1 + 0.2 > 0.3 as doubles
  });

  it('the interval dot product of points is exactly 0 at an exact zero, an enclosure otherwise', () => {
    const dot = I.dot([I.num(1e-300), I.num(-1e-300)], [I.num(r), I.num(r)]);
    expect(dot).toEqual({ lo: 0, hi: 0 });
    const near = I.dot([I.num(1e-300), I.num(-1e-300)], [I.num(r), I.num(r * (1 + 2 ** -52))]);
    expect(near.lo).toBeLessThan(0);
    // Not points: no exact decision.
    expect(I.dot([I.range(-1e-300, 1e-300)], [I.num(1)])).toEqual({ lo: -1e-300, hi: 1e-300 });
  });

  it("σ'(0) = 0 at an exact zero, [0, 1] where the enclosure only touches 0", () => {
    expect(I.reluPrime(I.num(0))).toEqual({ lo: 0, hi: 0 });
    expect(I.reluPrime(I.range(0, 1))).toEqual({ lo: 0, hi: 1 });
    const D = decimalArith(30);
    expect(D.format(D.reluPrime(D.num(0)))).toEqual(['0', '0']);
    expect(D.format(D.reluPrime(D.range(-1, 0)))).toEqual(['0', '1']);
  });

  it('the gradient and its formula agree at the exact kink of seed 17 (held, not inconclusive)', () => {
    const W = [[1, 13.021725635383419], [1e-300, -1e-300], [-1, -1e-300], [0.09239165244975008, 1e-300]];
    const instance = { net: { m: W.length, d: 2, a: [1, -1, -1, 1], W, x: [r, r] } };
    const verdicts = verdictsAt(reluGradient, instance);
    expect(verdicts['gradient-rows']).toBe('held');
    expect(verdicts['gradient-norm.1']).toBe('held');
  });
});
