import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/arithmetic/domain-error.js';
import { decimalArith } from '../../src/arithmetic/decimal-arith.js';
import { intervalArith } from '../../src/arithmetic/interval-arith.js';
import { expLoss, lit, param } from '../../src/language/builder.js';
import { Evaluator } from '../../src/language/evaluate.js';
import { fromPlain, type Value } from '../../src/language/value.js';
import { infimumOfRisk, limsupAsCGrows, sumMinusLargest } from '../../src/models/margin-functions.js';

const evaluate = (e: ReturnType<typeof param>, values: Record<string, unknown>, A = intervalArith) => {
  const env: Record<string, Value<unknown>> = {};
  for (const [k, v] of Object.entries(values)) env[k] = fromPlain(A as never, v) as Value<unknown>;
  return new Evaluator(A as never, env as never, {}).scalar(e.node) as { lo: number; hi: number };
};

describe('Σ_i a_i − max_i a_i', () => {
  const v = param('v');
  const gap = sumMinusLargest(expLoss(v), 'Σ − max');
  it('is exactly 0 for one term, though the term itself is only enclosed', () => {
    expect(evaluate(gap, { v: [0.3] })).toEqual({ lo: 0, hi: 0 });
  });
  it('encloses the sum without the largest term, ties and near-ties included', () => {
    const r = evaluate(gap, { v: [1, 2, 0.5] });
    const exact = Math.exp(-1) + Math.exp(-2);
    expect(r.lo).toBeLessThanOrEqual(exact);
    expect(r.hi).toBeGreaterThanOrEqual(exact);
    const tie = evaluate(gap, { v: [0.5, 0.5, 3] });
    expect(tie.lo).toBeLessThanOrEqual(Math.exp(-0.5) + Math.exp(-3));
    expect(tie.hi).toBeGreaterThanOrEqual(Math.exp(-0.5) + Math.exp(-3));
    const near = evaluate(gap, { v: [0.5, 0.5 + 1e-17, 3] });
    expect(near.lo).toBeGreaterThan(0);
  });
  it('with many tied largest terms (duplicated points) encloses the sum of all but one, in linear time', () => {
    // 20,000 equal terms: n sums of n − 1 terms would be 4·10^8 additions.
    const n = 20_000;
    const r = evaluate(gap, { v: Array.from({ length: n }, () => 0.25) });
    const exact = (n - 1) * Math.exp(-0.25);
    expect(r.lo).toBeLessThanOrEqual(exact);
    expect(r.hi).toBeGreaterThanOrEqual(exact);
    expect(r.lo).toBeGreaterThan(exact * (1 - 1e-9));
    expect(r.hi).toBeLessThan(exact * (1 + 1e-9));
    // Seventeen tied terms beside a smaller one: each candidate subtracted from the sum, still enclosing.
    const few = evaluate(gap, { v: [...Array.from({ length: 17 }, () => 1), 4] });
    const fewExact = 16 * Math.exp(-1) + Math.exp(-4);
    expect(few.lo).toBeLessThanOrEqual(fewExact);
    expect(few.hi).toBeGreaterThanOrEqual(fewExact);
  });
});

describe('lim sup_{c→∞} and inf as enclosures', () => {
  const m = param('m');
  const C = param('C');
  const limit = limsupAsCGrows((c) => expLoss(c.times(m)), C, m);
  it('is [0, g(C)] when the certificate is positive, in floats and decimals', () => {
    const r = evaluate(limit, { m: 2, C: 500 });
    expect(r.lo).toBe(0);
    expect(r.hi).toBeLessThan(1e-300);
    const D = decimalArith(30);
    const d = evaluate(limit, { m: 2, C: 500 }, D as never) as unknown;
    expect(D.lo(d as never)).toBe(0);
    expect(D.hi(d as never)).toBeLessThan(1e-300);
  });
  it('is undefined (+∞) when the margin is negative, and not certified when it may be 0', () => {
    expect(() => evaluate(limit, { m: -1, C: 10 })).toThrow(DomainError);
    try {
      evaluate(limsupAsCGrows((c) => expLoss(c.times(m)), C, m.minus(lit(0.1)).plus(lit(0.1))), { m: 0, C: 10 });
      expect.unreachable();
    } catch (err) {
      expect((err as DomainError).certain).toBe(false);
    }
  });
  it('encloses the infimum of a positive loss in [0, witness]', () => {
    const r = evaluate(infimumOfRisk(expLoss(m)), { m: 3 });
    expect(r.lo).toBe(0);
    expect(r.hi).toBeGreaterThanOrEqual(Math.exp(-3));
  });
});
