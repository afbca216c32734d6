import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ExactDecimal, decimalFromDouble, doubleAbove, doubleBelow, formatDouble } from '../../src/arithmetic/exact.js';
import { DomainError } from '../../src/arithmetic/domain-error.js';
import { fuzz } from '../fuzz.js';

const RUNS = 10_000;
const SEED = 20_240_601;

/** Any double but NaN, every exponent equally likely (raw bit patterns), plus fast-check's special values. */
const anyDouble = fc.oneof(
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((bits) => {
    const view = new DataView(new ArrayBuffer(8));
    view.setBigUint64(0, bits);
    const x = view.getFloat64(0);
    return Number.isNaN(x) ? 0 : x;
  }),
  fc.double({ noNaN: true }),
);
const finiteDouble = anyDouble.filter((x) => Number.isFinite(x));

/** Independent oracle: x · 2^1074 as a BigInt, read from the raw bits. */
function scaledInteger(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const magnitude = biased === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(biased - 1);
  return negative ? -magnitude : magnitude;
}

const TWO_TO_1074 = new ExactDecimal((1n << 1074n).toString());

function nextUp(x: number): number {
  if (x === 0) return 2 ** -1074;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

describe('decimalFromDouble', () => {
  it('gives the exact binary value, not the shortest representation', () => {
    expect(decimalFromDouble(0.1).toString()).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(decimalFromDouble(-2.5).toString()).toBe('-2.5');
    expect(decimalFromDouble(2 ** 60).toFixed()).toBe('1152921504606846976');
  });

  it('is exact at the ends of the range', () => {
    expect(decimalFromDouble(Number.MAX_VALUE).toFixed()).toBe(((1n << 1024n) - (1n << 971n)).toString());
    const tiny = decimalFromDouble(5e-324);
    expect(tiny.times(TWO_TO_1074).toFixed()).toBe('1');
    expect(tiny.precision()).toBe(751);
    const smallestNormal = decimalFromDouble(2 ** -1022);
    expect(smallestNormal.times(TWO_TO_1074).toFixed()).toBe((1n << 52n).toString());
  });

  it('handles the special values', () => {
    expect(decimalFromDouble(0).isZero()).toBe(true);
    expect(decimalFromDouble(-0).isZero()).toBe(true);
    expect(decimalFromDouble(Infinity).toString()).toBe('Infinity');
    expect(decimalFromDouble(-Infinity).toString()).toBe('-Infinity');
    expect(() => decimalFromDouble(NaN)).toThrow(DomainError);
  });

  it('agrees with an independent bit-level oracle across the whole range', () => {
    fc.assert(
      fc.property(finiteDouble, (x) => {
        expect(decimalFromDouble(x).times(TWO_TO_1074).toFixed()).toBe(scaledInteger(x).toString());
      }),
      fuzz(RUNS, SEED),
    );
  });
});

describe('doubleBelow / doubleAbove', () => {
  it('round-trip every double', () => {
    fc.assert(
      fc.property(anyDouble, (x) => {
        const d = decimalFromDouble(x);
        expect(doubleBelow(d)).toBe(x === 0 ? 0 : x);
        expect(doubleAbove(d)).toBe(x === 0 ? 0 : x);
      }),
      fuzz(RUNS, SEED + 1),
    );
  });

  it('bracket every point strictly between two neighbouring doubles', () => {
    fc.assert(
      fc.property(finiteDouble, fc.integer({ min: 1, max: 999 }), (x, thousandths) => {
        const y = nextUp(x);
        fc.pre(Number.isFinite(y));
        const dx = decimalFromDouble(x);
        const inside = dx.plus(decimalFromDouble(y).minus(dx).times(thousandths).div(1000));
        expect(inside.gt(dx)).toBe(true);
        expect(doubleBelow(inside)).toBe(x === 0 ? 0 : x);
        expect(doubleAbove(inside)).toBe(y === 0 ? 0 : y);
      }),
      fuzz(RUNS, SEED + 2),
    );
  });

  it('are exact near the subnormals and at overflow', () => {
    const d = (s: string) => new ExactDecimal(s);
    expect(doubleBelow(d('1e-400'))).toBe(0);
    expect(doubleAbove(d('1e-400'))).toBe(5e-324);
    expect(doubleBelow(d('-1e-400'))).toBe(-5e-324);
    expect(doubleAbove(d('-1e-400'))).toBe(0);
    expect(doubleBelow(d('1e309'))).toBe(Number.MAX_VALUE);
    expect(doubleAbove(d('1e309'))).toBe(Infinity);
    expect(doubleBelow(d('-1e309'))).toBe(-Infinity);
    expect(doubleAbove(d('-1e309'))).toBe(-Number.MAX_VALUE);
    expect(doubleBelow(d('1e-9000000000000000'))).toBe(0);
    expect(doubleAbove(d('1e9000000000000000'))).toBe(Infinity);
    expect(doubleBelow(d('Infinity'))).toBe(Infinity);
    expect(doubleAbove(d('-Infinity'))).toBe(-Infinity);
    // Half-way between MAX_VALUE and 2^1024 rounds to Infinity in Number(), not below it.
    const halfway = decimalFromDouble(Number.MAX_VALUE).plus(d((1n << 970n).toString()));
    expect(doubleBelow(halfway)).toBe(Number.MAX_VALUE);
    expect(doubleAbove(halfway)).toBe(Infinity);
    expect(doubleBelow(d('0.1'))).toBe(0.09999999999999999);
    expect(doubleAbove(d('0.1'))).toBe(0.1);
    expect(() => doubleBelow(d('NaN'))).toThrow(DomainError);
  });
});

describe('formatDouble', () => {
  it('prints the exact value', () => {
    expect(formatDouble(0.1)).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(formatDouble(-0)).toBe('-0');
    expect(formatDouble(0)).toBe('0');
    expect(formatDouble(Infinity)).toBe('Infinity');
    expect(formatDouble(NaN)).toBe('NaN');
    expect(formatDouble(1e300).startsWith('1.0000000000000000525')).toBe(true);
    fc.assert(
      fc.property(finiteDouble, (x) => {
        expect(new ExactDecimal(formatDouble(x)).eq(decimalFromDouble(x))).toBe(true);
      }),
      fuzz(1000, SEED + 3),
    );
  });
});
