import type { Arith } from '../arithmetic/arith.js';

/**
 * The decimals a row of doubles stands for, where some entry is not a double: a user's data set
 * written in decimal ("0.6" is not a double). The row keeps the nearest doubles, for float screening
 * and numerical candidates; every certified binding of the row (fromPlain, the setups) reads the
 * decimals, through the arithmetic's exact-literal constructor, so enclosures contain the values
 * the user wrote. Keyed by the row array itself: the instance generators pass rows on unchanged.
 */
const decimalsByRow = new WeakMap<readonly number[], readonly string[]>();

/** Registers `decimals` (one per entry) as the exact values of `row`; returns the row. */
export function withDecimals<R extends readonly number[]>(row: R, decimals: readonly string[]): R {
  if (decimals.length !== row.length) throw new RangeError(`withDecimals: ${decimals.length} decimals for ${row.length} entries`);
  decimalsByRow.set(row, decimals);
  return row;
}

/** The decimals of a row, if it stands for decimals that are not all doubles. */
export function decimalsOf(row: readonly number[]): readonly string[] | undefined {
  return decimalsByRow.get(row);
}

/** The entries of a row as exact values of A: its decimals where it has them, else its doubles. */
export function exactRow<T>(A: Arith<T>, row: readonly number[], sign = 1): T[] {
  const decimals = decimalsByRow.get(row);
  if (!decimals) return row.map((v) => A.num(sign < 0 ? -v : v));
  return decimals.map((text) => A.exact(sign < 0 ? negatedDecimal(text) : text));
}

/** "-0.6" for "0.6" and "0.6" for "-0.6" (negation of a decimal literal is exact). */
export function negatedDecimal(text: string): string {
  return text.startsWith('-') ? text.slice(1) : text.startsWith('+') ? `-${text.slice(1)}` : `-${text}`;
}
