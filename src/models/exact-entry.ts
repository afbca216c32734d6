import { binaryValue } from '../arithmetic/rounding.js';

/**
 * An exact data entry m · 2^pow2 · 10^pow10 (m a BigInt): a double (m · 2^e), or a decimal as
 * written in a data file (N · 10^k). One form for both, so exact code (the norm test, the min-norm
 * face certificate) reads a user's decimals and generated doubles alike.
 */
export interface ExactEntry {
  m: bigint;
  pow2: number;
  pow10: number;
}

/** Decimal exponents a data file may use: beyond them no double is near (and BigInt powers would be huge). */
export const DECIMAL_EXPONENT_LIMIT = 1100;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export function entryOfDouble(x: number): ExactEntry {
  const { m, e } = binaryValue(x);
  return { m, pow2: m === 0n ? 0 : e, pow10: 0 };
}

/** The exact value of a JSON decimal "−0.999999", "1e-6", "13.02"; null if it is not one or its exponent is beyond ±DECIMAL_EXPONENT_LIMIT. */
export function entryOfDecimal(text: string): ExactEntry | null {
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let digits = (whole + fraction).replace(/^0+/, '');
  let pow10 = Number(exponent) - fraction.length;
  if (digits === '') return { m: 0n, pow2: 0, pow10: 0 };
  const trailing = digits.length - digits.replace(/0+$/, '').length;
  digits = digits.slice(0, digits.length - trailing);
  pow10 += trailing;
  if (!Number.isSafeInteger(pow10) || Math.abs(pow10) > DECIMAL_EXPONENT_LIMIT || Math.abs(pow10 + digits.length) > DECIMAL_EXPONENT_LIMIT) return null;
  const m = BigInt(digits);
  return { m: sign === '-' ? -m : m, pow2: 0, pow10 };
}

export const negated = (x: ExactEntry): ExactEntry => ({ ...x, m: -x.m });

const pow10Cache: bigint[] = [1n];
export function powerOfTen(k: number): bigint {
  while (pow10Cache.length <= k) pow10Cache.push(pow10Cache[pow10Cache.length - 1] * 10n);
  return pow10Cache[k];
}

/** Entries as integers Z with one common scale: value = Z · 2^pow2 · 10^pow10. */
export interface IntegerMatrix {
  Z: bigint[][];
  pow2: number;
  pow10: number;
}

export function integerMatrix(rows: readonly (readonly ExactEntry[])[]): IntegerMatrix {
  let pow2 = Infinity;
  let pow10 = Infinity;
  for (const row of rows) {
    for (const x of row) {
      if (x.m === 0n) continue;
      pow2 = Math.min(pow2, x.pow2);
      pow10 = Math.min(pow10, x.pow10);
    }
  }
  if (pow2 === Infinity) return { Z: rows.map((row) => row.map(() => 0n)), pow2: 0, pow10: 0 };
  const Z = rows.map((row) => row.map((x) => (x.m === 0n ? 0n : (x.m << BigInt(x.pow2 - pow2)) * powerOfTen(x.pow10 - pow10))));
  return { Z, pow2, pow10 };
}

/** Exact comparison of Σ_j x_j² with 1: −1, 0 or 1. */
export function compareSquaredNormWithOne(x: readonly ExactEntry[]): -1 | 0 | 1 {
  const excess = squaredNormMinusOne(x);
  return excess.num > 0n ? 1 : excess.num < 0n ? -1 : 0;
}

/** Σ_j x_j² − 1 exactly, as num / den (den > 0). */
export function squaredNormMinusOne(x: readonly ExactEntry[]): { num: bigint; den: bigint } {
  // With the unit entry 1 = 1·2^0·10^0 in the matrix, every value is Z · 2^p · 10^q; squares scale by 4^p · 100^q.
  const { Z, pow2, pow10 } = integerMatrix([[...x, { m: 1n, pow2: 0, pow10: 0 }]]);
  const row = Z[0];
  const one = row[row.length - 1];
  let sum = 0n;
  for (let j = 0; j < row.length - 1; j++) sum += row[j] * row[j];
  // Σ x² − 1 = (Σ Z² − one²) · 4^p · 100^q, with p, q ≤ 0 (the unit entry is in the matrix).
  const num = sum - one * one;
  const den = (1n << BigInt(-2 * pow2)) * powerOfTen(-2 * pow10);
  return { num, den };
}
