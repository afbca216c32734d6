import { intervalFromLiteral } from '../arithmetic/interval-arith.js';
import { addUp, mulUp, sqrtUp, subUp } from '../arithmetic/rounding.js';
import { decimalsOf, negatedDecimal } from '../language/decimal-rows.js';
import { type ExactEntry, entryOfDecimal, entryOfDouble } from './exact-entry.js';

/**
 * A labelled data set: points x_i ∈ ℝ^d (rows of X) and labels y_i ∈ {−1, +1}.
 * Every entry is a double taken as the exact real it denotes, except in a row that stands for
 * decimals (a user's file, language/decimal-rows.ts): there the decimals are the data, and the
 * doubles only their nearest approximations. Certified code reads the data through
 * exactSignedEntries / the rows' decimals; float code (candidates, screening) reads X.
 */
export interface Dataset {
  X: number[][];
  y: number[];
}

/**
 * A well-formed data set that a lemma cannot be checked on, e.g. one that needs
 * linearly separable data: that lemma is not run (the others still are), and
 * the command line says so in one line and exits 2.
 */
export class UnsuitableDatasetError extends Error {
  override name = 'UnsuitableDatasetError';

  constructor(
    readonly requirement: string,
    readonly reason: string,
  ) {
    super(`needs ${requirement}; ${reason}`);
  }
}

/** Number of points. */
export function sampleCount(data: Dataset): number {
  return data.X.length;
}

/** Dimension of the points (0 for an empty set). */
export function dimension(data: Dataset): number {
  return data.X.length === 0 ? 0 : data.X[0].length;
}

/** z_i = y_i x_i. Exact: y_i = ±1 only flips signs. */
export function signedPoint(data: Dataset, i: number): number[] {
  const yi = data.y[i];
  return data.X[i].map((v) => (yi < 0 ? -v : v));
}

/** All z_i = y_i x_i, one per row. */
export function signedPoints(data: Dataset): number[][] {
  return data.X.map((_, i) => signedPoint(data, i));
}

/** The z_i as one row-major Float64Array (n × d), for the numeric kernels. */
export function signedPointMatrix(data: Dataset): Float64Array {
  const n = sampleCount(data);
  const d = dimension(data);
  const Z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const s = data.y[i] < 0 ? -1 : 1;
    const row = data.X[i];
    for (let j = 0; j < d; j++) Z[i * d + j] = s * row[j];
  }
  return Z;
}

/** Whether some row stands for decimals that are not all doubles. */
export function hasDecimals(data: Dataset): boolean {
  return data.X.some((row) => decimalsOf(row) !== undefined);
}

/** The exact z_i = y_i x_i, entry by entry (decimals where the row has them). */
export function exactSignedEntries(data: Dataset): ExactEntry[][] {
  return data.X.map((row, i) => {
    const decimals = decimalsOf(row);
    const negative = data.y[i] < 0;
    if (!decimals) return row.map((v) => entryOfDouble(negative ? -v : v));
    return decimals.map((text) => entryOfDecimal(negative ? negatedDecimal(text) : text)!);
  });
}

/**
 * An upper bound of max_i ‖z_i − z̃_i‖₂, the distance between the data and the doubles that stand
 * for them (0 when every entry is a double): what a computation on the doubles must be widened by.
 */
export function decimalOffset(data: Dataset): number {
  let worst = 0;
  for (const row of data.X) worst = Math.max(worst, rowOffset(row));
  return worst;
}

/** A key that tells data sets apart by their exact values (doubles, and decimals where rows have them), for caches. */
export function datasetKey(data: Dataset): string {
  const known = keys.get(data.X);
  if (known && known.y === data.y) return known.value;
  const value = JSON.stringify([data.X, data.y, data.X.map((row) => decimalsOf(row) ?? null)]);
  keys.set(data.X, { y: data.y, value });
  return value;
}

/**
 * The key is asked for at every flow time of every step and costs O(n·d) (8% of a lemma on 200 points):
 * computed once per data set, by identity of its arrays (data sets are never mutated).
 */
const keys = new WeakMap<number[][], { y: number[]; value: string }>();

/**
 * ‖x − x̃‖₂ (upper bound) of one row, remembered by the row's identity (rows are never mutated, and a data
 * set's rows outlive the arrays that hold them): decimalOffset is asked for at every flow time.
 */
const rowOffsets = new WeakMap<readonly number[], number>();

function rowOffset(row: readonly number[]): number {
  let known = rowOffsets.get(row);
  if (known !== undefined) return known;
  const decimals = decimalsOf(row);
  let sq = 0;
  decimals?.forEach((text, j) => {
    const e = intervalFromLiteral(text);
    const off = Math.max(subUp(e.hi, row[j]), subUp(row[j], e.lo), 0);
    sq = addUp(sq, mulUp(off, off));
  });
  known = sqrtUp(sq);
  rowOffsets.set(row, known);
  return known;
}
