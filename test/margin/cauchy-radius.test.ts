import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RADIUS_FACTORS, chooseCauchyRadius } from '../../src/trajectories/flow-step-certificate.js';
import { fuzz } from '../fuzz.js';

/** The choice by scanning every radius: least order, then least radius (what the early stop must reproduce). */
function scanAll(magnitude: (c: number) => number, budget: number, minOrder: number, maxOrder: number): { factor: number; order: number } {
  let best = { factor: 2, order: maxOrder };
  for (const c of RADIUS_FACTORS) {
    const T = magnitude(c);
    if (!(T < Infinity)) continue;
    const need = T / ((1 - 1 / c) * budget);
    const K = Math.min(maxOrder, Math.max(minOrder, need <= 1 ? minOrder : Math.ceil(Math.log(need) / Math.log(c)) - 1));
    if (K < best.order || (K === best.order && c < best.factor)) best = { factor: c, order: K };
  }
  return best;
}

const magnitudeOf = fc.record({
  // T(c) = Σ_i a_i exp(Σ_j b_ij c^j): the form of the exp(−u) tail's magnitude (and, under a square root, of √N's).
  terms: fc.array(
    fc.record({ logA: fc.double({ min: -700, max: 50, noNaN: true }), b: fc.array(fc.double({ min: 0, max: 2, noNaN: true }).map((x) => x ** 4), { minLength: 1, maxLength: 12 }) }),
    { minLength: 1, maxLength: 6 },
  ),
  squareRoot: fc.boolean(),
  logBudget: fc.double({ min: -690, max: 0, noNaN: true }),
  minOrder: fc.integer({ min: 1, max: 20 }),
});

describe('the Cauchy radius of a step certificate', () => {
  it('stopping where the order rises again gives the choice of the full scan (the order is unimodal in the radius)', () => {
    fc.assert(
      fc.property(magnitudeOf, ({ terms, squareRoot, logBudget, minOrder }) => {
        const T = (c: number): number => {
          let s = 0;
          for (const { logA, b } of terms) s += Math.exp(logA + b.reduce((acc, bj, j) => acc + bj * c ** (j + 1), 0));
          return squareRoot ? Math.sqrt(s) : s;
        };
        const budget = Math.exp(logBudget);
        const maxOrder = minOrder + 60;
        expect(chooseCauchyRadius(T, budget, minOrder, maxOrder)).toEqual(scanAll(T, budget, minOrder, maxOrder));
      }),
      fuzz(3000, 20261204),
    );
  });
});
