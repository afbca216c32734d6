import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/arithmetic/domain-error.js';
import * as I from '../../src/arithmetic/interval.js';
import * as L from '../../src/arithmetic/losses.js';
import { nextUp } from '../../src/arithmetic/rounding.js';

const p = I.point;
const iv = I.interval;

describe('losses (hand-worked)', () => {
  it('ℓ(−1000) = 1000 + log1p(e^−1000) ≈ 1000: [1000, 1000 + 1 ulp]', () => {
    expect(L.logistic(p(-1000))).toEqual({ lo: 1000, hi: nextUp(1000) });
  });

  it('ℓ(−1e300) ≈ 1e300 and ℓ(1e300) ∈ [0, tiny]: no overflow, no NaN', () => {
    expect(L.logistic(p(-1e300))).toEqual({ lo: 1e300, hi: nextUp(1e300) });
    const r = L.logistic(p(1e300));
    expect(r.lo).toBe(0);
    expect(r.hi).toBeGreaterThan(0);
    expect(r.hi).toBeLessThan(1e-322);
  });

  it('ℓ(0) = ln 2', () => {
    const r = L.logistic(I.ZERO);
    expect(r.lo).toBeLessThanOrEqual(Math.LN2);
    expect(r.hi).toBeGreaterThanOrEqual(nextUp(Math.LN2)); // ln 2 = 0.69314718055994530941… lies above Math.LN2
    expect(r.hi - r.lo).toBeLessThan(1e-15);
  });

  it("ℓ'(1000) ≈ −5e−435 is below the least subnormal: the float enclosure is [−1e−323, 0]", () => {
    // Only the decimal instance can exclude 0 here.
    const r = L.logisticPrime(p(1000));
    expect(r.hi).toBe(0);
    expect(r.lo).toBeLessThan(0);
    expect(r.lo).toBeGreaterThanOrEqual(-1e-323);
  });

  it("ℓ'(0) = −1/2 exactly, ℓ'(−1000) ≈ −1, ℓ' of the whole line is [−1, 0]", () => {
    expect(L.logisticPrime(I.ZERO)).toEqual({ lo: -0.5, hi: -0.5 });
    const r = L.logisticPrime(p(-1000));
    expect(r.lo).toBe(-1);
    expect(r.hi).toBeGreaterThan(-1);
    expect(L.logisticPrime(I.ENTIRE)).toEqual({ lo: -1, hi: 0 });
  });

  it('ℓ⁻¹ inverts ℓ: ℓ⁻¹(ln 2) ∋ 0, ℓ⁻¹(1000) ≈ −1000, ℓ⁻¹(1e300) ≈ −1e300, ℓ⁻¹(5e−324) ≈ 744.44', () => {
    const z = L.logisticInverse(p(Math.LN2));
    expect(z.lo).toBeLessThan(1e-15);
    expect(z.hi).toBeGreaterThan(0); // Math.LN2 < ln 2, so ℓ⁻¹(Math.LN2) is a tiny positive number
    const big = L.logisticInverse(p(1000));
    expect(big.lo).toBeLessThanOrEqual(-1000);
    expect(big.hi).toBeGreaterThanOrEqual(-1000);
    expect(big.hi - big.lo).toBeLessThan(1e-12);
    expect(L.logisticInverse(p(1e300))).toEqual({ lo: -1e300, hi: expect.any(Number) });
    const tiny = L.logisticInverse(p(5e-324));
    // −log(5e−324) = 1074 ln 2 = 744.4400719213812…
    expect(tiny.lo).toBeLessThanOrEqual(744.4400719213812);
    expect(tiny.hi).toBeGreaterThanOrEqual(744.4400719213812);
    expect(tiny.hi - tiny.lo).toBeLessThan(1e-12);
    expect(() => L.logisticInverse(iv(0, 1))).toThrow(DomainError);
    expect(L.logisticInverse(iv(1, Infinity)).lo).toBe(-Infinity);
  });

  it('exponential loss e^(−z) and its inverse −log v', () => {
    expect(L.expLoss(I.ZERO)).toEqual({ lo: 1, hi: 1 });
    expect(L.expLoss(p(1000)).lo).toBe(0);
    expect(L.expLoss(p(-1000)).hi).toBe(Infinity);
    expect(L.expLossInverse(I.ONE)).toEqual({ lo: 0, hi: 0 });
    expect(() => L.expLossInverse(iv(-1, 0))).toThrow(DomainError);
  });

  it('ReLU and its derivative; σ\'(0) ∈ [0, 1]', () => {
    expect(L.relu(iv(-2, 3))).toEqual({ lo: 0, hi: 3 });
    expect(L.relu(iv(-2, -1))).toEqual({ lo: 0, hi: 0 });
    expect(L.reluPrime(iv(-2, 3))).toEqual({ lo: 0, hi: 1 });
    expect(L.reluPrime(I.ZERO)).toEqual({ lo: 0, hi: 0 }); // σ'(0) = 0 at an exact zero
    expect(L.reluPrime(iv(0, 1))).toEqual({ lo: 0, hi: 1 });
    expect(L.reluPrime(iv(1e-300, 1))).toEqual({ lo: 1, hi: 1 });
    expect(L.reluPrime(iv(-1, -1e-300))).toEqual({ lo: 0, hi: 0 });
  });
});
