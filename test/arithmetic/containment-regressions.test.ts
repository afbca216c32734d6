import { describe, expect, it } from 'vitest';
import { decimalArith } from '../../src/arithmetic/decimal-arith.js';
import { decimalFromDouble } from '../../src/arithmetic/exact.js';
import { type Interval, point, powInt } from '../../src/arithmetic/interval.js';
import { intervalArith as F } from '../../src/arithmetic/interval-arith.js';
import { ETA, MAX, nextUp } from '../../src/arithmetic/rounding.js';
import { param } from '../../src/language/builder.js';
import { dualArith, seed } from '../../src/language/dual-arith.js';
import { Evaluator } from '../../src/language/evaluate.js';
import { scalar } from '../../src/language/value.js';

/**
 * Containment failures found by an audit of the float arithmetic: each case
 * printed a false enclosure before its fix.
 */

const D = decimalArith(30);

/** The float enclosure and the decimal one of the same real must overlap (both contain it). */
function agree(f: Interval, d: ReturnType<typeof D.num>): boolean {
  return decimalFromDouble(f.lo).lte(d.hi) && decimalFromDouble(f.hi).gte(d.lo);
}

describe('powInt with exponents beyond 2^31 (no int32 truncation)', () => {
  const cases: [number, number][] = [
    [2, 2 ** 31],
    [0.5, 2 ** 32 + 1],
    [nextUp(1), 2 ** 40],
    [-nextUp(1), 2 ** 40 + 1],
    [nextUp(1), -(2 ** 41)],
    [1.5, -(2 ** 31)],
    [-1, 2 ** 53 - 1],
  ];

  it('encloses overflow and underflow as such', () => {
    expect(powInt(point(2), 2 ** 31)).toEqual({ lo: MAX, hi: Infinity });
    expect(powInt(point(0.5), 2 ** 32 + 1)).toEqual({ lo: 0, hi: ETA });
    expect(powInt(point(-2), 2 ** 31 + 1)).toEqual({ lo: -Infinity, hi: -MAX });
    expect(powInt(point(-1), 2 ** 53 - 1)).toEqual({ lo: -1, hi: -1 });
  });

  it('float and decimal enclosures agree, directly and through the language and its derivative', () => {
    const x = param('x');
    const FD = dualArith(F, 1);
    const DD = dualArith(D, 1);
    for (const [v, n] of cases) {
      const f = F.powInt(F.num(v), n);
      const d = D.powInt(D.num(v), n);
      expect(agree(f, d), `${v}^${n}: [${f.lo}, ${f.hi}] vs ${D.format(d)}`).toBe(true);
      const viaLanguage = new Evaluator(F, { x: scalar(F.num(v)) }, {}).scalar(x.pow(n).node);
      expect(viaLanguage).toEqual(f);
      const [fv] = seed(F, [F.num(v)]);
      const [dv] = seed(D, [D.num(v)]);
      const fg = FD.powInt(fv, n).g![0];
      const dg = DD.powInt(dv, n).g![0];
      expect(agree(fg, dg), `d/dx ${v}^${n}`).toBe(true);
    }
  });

  it('stays finite and narrow where the exact power is moderate', () => {
    const r = powInt(point(nextUp(1)), 2 ** 40);
    // (1 + 2^-52)^(2^40) = e^(2^-12) (1 + O(2^-64)) ≈ 1.000244.
    expect(r.lo).toBeLessThanOrEqual(1.0002441704297479);
    expect(r.hi).toBeGreaterThanOrEqual(1.0002441704297479);
    expect(r.hi - r.lo).toBeLessThan(1e-3);
  });
});

describe('decimal literals beyond the exponent range', () => {
  it('are refused by the float instance as by the decimal one', () => {
    for (const text of ['1e-9000000000000001', '-1e-9000000000000001', '1e9000000000000001', '-1e9000000000000001']) {
      expect(() => F.exact(text), text).toThrow(/beyond the decimal exponent range/);
      expect(() => D.exact(text), text).toThrow(/beyond the decimal exponent range/);
    }
  });

  it('quotients that leave the exponent range are enclosed, not flushed', () => {
    expect(F.exact('1e-9000000000000000/1e9000000000000000')).toEqual({ lo: 0, hi: ETA });
    expect(F.exact('-1e-9000000000000000/1e9000000000000000')).toEqual({ lo: -ETA, hi: 0 });
    expect(F.exact('1e-9000000000000000/-1e9000000000000000')).toEqual({ lo: -ETA, hi: 0 });
    expect(F.exact('1e9000000000000000/1e-9000000000000000')).toEqual({ lo: MAX, hi: Infinity });
    expect(F.exact('-1e9000000000000000/1e-9000000000000000')).toEqual({ lo: -Infinity, hi: -MAX });
    expect(F.exact('0/7')).toEqual({ lo: 0, hi: 0 });
  });

  it('in-range literals keep their tight enclosures', () => {
    expect(F.exact('1e-400')).toEqual({ lo: 0, hi: ETA });
    expect(F.exact('1e400')).toEqual({ lo: MAX, hi: Infinity });
    expect(F.exact('0.1').hi).toBe(0.1);
    expect(F.exact('1/3')).toEqual({ lo: 1 / 3, hi: nextUp(1 / 3) });
  });
});
