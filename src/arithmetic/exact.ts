import { Decimal } from 'decimal.js';
import { DomainError } from './domain-error.js';
import { binaryValue, nextDown, nextUp } from './rounding.js';

/**
 * Exact conversions between doubles and decimals. Every finite double is
 * m · 2^e = m · 5^(−e) · 10^e, a decimal of at most 767 significant digits,
 * so the conversion is done on the binary representation with BigInt.
 * (`new Decimal(0.1)` would take the shortest representation "0.1", which is
 * not the double nearest 0.1.)
 */

/** A Decimal constructor wide enough that arithmetic on converted doubles stays exact in practice. */
export const ExactDecimal = Decimal.clone({
  precision: 1100,
  rounding: Decimal.ROUND_HALF_EVEN,
  minE: -9e15,
  maxE: 9e15,
  toExpNeg: -7,
  toExpPos: 21,
});

const MAX_DOUBLE = Number.MAX_VALUE;

const DECIMAL_LITERAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The exact value of a decimal literal ("0.1", "-3e-7"; `whole` names the
 * literal it is part of in errors). decimal.js turns exponents beyond ±9e15
 * into ±∞ or 0 without notice, so such literals are refused.
 */
export function parseDecimalLiteral(text: string, whole = text): Decimal {
  const trimmed = text.trim();
  if (!DECIMAL_LITERAL.test(trimmed)) throw new SyntaxError(`exact: not a decimal or rational literal: "${whole}"`);
  const value = new ExactDecimal(trimmed);
  const nonZero = /[1-9]/.test(trimmed.split(/e/i)[0]);
  if (!value.isFinite() || (value.isZero() && nonZero)) throw new RangeError(`exact: "${whole}" is beyond the decimal exponent range`);
  return value;
}

const powersOfFive: bigint[] = [1n];
function powerOfFive(k: number): bigint {
  while (powersOfFive.length <= k) powersOfFive.push(powersOfFive[powersOfFive.length - 1] * 5n);
  return powersOfFive[k];
}

/** |x| = m · 2^e with m an odd BigInt (x finite, non-zero). */
function oddBinary(x: number): { m: bigint; e: number } {
  let { m, e } = binaryValue(Math.abs(x));
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  return { m, e };
}

/** The exact value of a double. ±Infinity map to Decimal ±Infinity; NaN is outside every domain. */
export function decimalFromDouble(x: number): Decimal {
  if (x !== x) throw new DomainError('decimalFromDouble', true, 'NaN is not a number');
  if (x === 0 || x === Infinity || x === -Infinity) return new ExactDecimal(x);
  if (Number.isSafeInteger(x)) return new ExactDecimal(x);
  const sign = x < 0 ? '-' : '';
  const { m, e } = oddBinary(x);
  if (e >= 0) return new ExactDecimal(sign + (m << BigInt(e)).toString());
  return new ExactDecimal(`${sign}${(m * powerOfFive(-e)).toString()}e${e}`);
}

/** The largest double ≤ d (−∞ when d < −MAX_VALUE, MAX_VALUE when MAX_VALUE < d < ∞). */
export function doubleBelow(d: Decimal): number {
  if (d.isNaN()) throw new DomainError('doubleBelow', true, 'NaN is not a number');
  if (!d.isFinite()) return d.isNegative() ? -Infinity : Infinity;
  // Number(string) is within an ulp of d (ECMAScript may truncate past 20 digits); fix up exactly.
  let x = d.toNumber();
  if (x === Infinity) return MAX_DOUBLE;
  if (x === -Infinity) x = -MAX_DOUBLE;
  while (x !== -Infinity && decimalFromDouble(x).gt(d)) x = nextDown(x);
  for (;;) {
    const next = nextUp(x);
    if (next === Infinity || decimalFromDouble(next).gt(d)) break;
    x = next;
  }
  return x === 0 ? 0 : x;
}

/** The smallest double ≥ d (+∞ when d > MAX_VALUE, −MAX_VALUE when −∞ < d < −MAX_VALUE). */
export function doubleAbove(d: Decimal): number {
  if (d.isNaN()) throw new DomainError('doubleAbove', true, 'NaN is not a number');
  const below = doubleBelow(d.negated());
  return below === 0 ? 0 : -below;
}

/** The exact decimal value of a double, as a string in decimal.js notation ("1.00…e+300"; "-0", "Infinity", "NaN" for the special values). */
export function formatDouble(x: number): string {
  if (x !== x) return 'NaN';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return decimalFromDouble(x).toString();
}
