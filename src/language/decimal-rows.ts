import type { Arith } from '../arithmetic/arith.js';

/**
 * The decimals a row of doubles stands for, where some entry is not a double: a user's data set
 * written in decimal ("0.6" is not a double). The row keeps the nearest doubles, for float screening
 * and numerical candidates; every certified binding of the row (fromPlain, the setups) reads the
 * decimals, through the arithmetic's exact-literal constructor, so enclosures contain the values
 * the user wrote. Keyed by the row array itself (the instance generators pass rows on unchanged),
 * and by its doubles for copies.
 */
const decimalsByRow = new WeakMap<readonly number[], readonly string[]>();
/**
 * The same rows by their doubles, for copies of them: an instance that crossed a worker boundary
 * or a shard report (a split lemma's pass state) comes back as new arrays. Only a data file's rows
 * are registered, and only rows whose decimals are not all doubles.
 */
const decimalsByDoubles = new Map<string, readonly string[]>();
const keyOf = (row: readonly number[]): string => row.map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(',');

/** Registers `decimals` (one per entry) as the exact values of `row` and of its copies; returns the row. */
export function withDecimals<R extends readonly number[]>(row: R, decimals: readonly string[]): R {
  if (decimals.length !== row.length) throw new RangeError(`withDecimals: ${decimals.length} decimals for ${row.length} entries`);
  decimalsByRow.set(row, decimals);
  decimalsByDoubles.set(keyOf(row), decimals);
  return row;
}

/** The decimals of a row (or of a copy of it), if it stands for decimals that are not all doubles. */
export function decimalsOf(row: readonly number[]): readonly string[] | undefined {
  const known = decimalsByRow.get(row);
  if (known !== undefined || decimalsByDoubles.size === 0) return known;
  const copy = decimalsByDoubles.get(keyOf(row));
  if (copy !== undefined) decimalsByRow.set(row, copy);
  return copy;
}

const literalCache = new WeakMap<object, Map<string, unknown>>();

/**
 * A.exact(text), computed once per arithmetic: reading a decimal to an enclosure costs a decimal
 * parse and two roundings, and a data set's rows are bound again for every instance and scan cell.
 * Values of an arithmetic are immutable, so one enclosure can be shared.
 */
export function exactLiteral<T>(A: Arith<T>, text: string): T {
  let cache = literalCache.get(A) as Map<string, T> | undefined;
  if (!cache) literalCache.set(A, (cache = new Map<string, T>()) as Map<string, unknown>);
  let value = cache.get(text);
  if (value === undefined) {
    value = A.exact(text);
    if (cache.size >= 1 << 16) cache.clear();
    cache.set(text, value);
  }
  return value;
}

/**
 * Rows of decimals already read, by row, arithmetic and sign: a data set's rows are read again for every
 * instance, shrink candidate and scan cell, and a large one (10^4 points × 10 coordinates, each also negated)
 * holds more distinct decimals than the literal cache keeps.
 */
const rowCache = new WeakMap<readonly number[], Map<Arith<unknown>, (readonly unknown[])[]>>();

/** The entries of a row as exact values of A: its decimals where it has them, else its doubles. */
export function exactRow<T>(A: Arith<T>, row: readonly number[], sign = 1): readonly T[] {
  const decimals = decimalsOf(row);
  if (!decimals) return row.map((v) => A.num(sign < 0 ? -v : v));
  let byArith = rowCache.get(row);
  if (!byArith) rowCache.set(row, (byArith = new Map()));
  let signs = byArith.get(A as Arith<unknown>);
  if (!signs) byArith.set(A as Arith<unknown>, (signs = []));
  const slot = sign < 0 ? 1 : 0;
  return (signs[slot] ??= decimals.map((text) => exactLiteral(A, sign < 0 ? negatedDecimal(text) : text))) as readonly T[];
}

/** "-0.6" for "0.6" and "0.6" for "-0.6" (negation of a decimal literal is exact). */
export function negatedDecimal(text: string): string {
  return text.startsWith('-') ? text.slice(1) : text.startsWith('+') ? `-${text.slice(1)}` : `-${text}`;
}
