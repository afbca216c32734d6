import { ShapeError, sameShape, type Value } from './value.js';

/**
 * The terms of a fold (Σ_i, min_i, max_i) or of rows, computed together: `count`
 * terms of one shape, stored one after another. The evaluator computes a body
 * node by node for all terms at once instead of term by term, which spares a
 * cache lookup and an index assignment per term and node. Each term goes through
 * the same operations, in the same order, as when computed alone, so its value
 * is the same in every arithmetic (rounding included).
 */
export interface Batch<T> {
  readonly count: number;
  /** The shape of one term. */
  readonly shape: readonly number[];
  /** count × size(shape) entries, term by term. */
  readonly data: readonly T[];
}

const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

const isBatch = <T>(v: Batch<T> | Value<T>): v is Batch<T> => 'count' in v;

/** Terms computed one at a time, as a batch (they must share one shape). */
export function batchOfTerms<T>(terms: readonly Value<T>[]): Batch<T> {
  const shape = terms[0].shape;
  const data: T[] = [];
  for (const t of terms) {
    if (!sameShape(t.shape, shape)) throw new ShapeError('terms of different shapes');
    for (const x of t.data) data.push(x);
  }
  return { count: terms.length, shape, data };
}

/** Each term as a value of its own. */
export function termValues<T>(b: Batch<T>): Value<T>[] {
  return termsData(b).map((data) => ({ shape: b.shape, data }));
}

/** Each term's entries. */
export function termsData<T>(b: Batch<T>): T[][] {
  const size = sizeOf(b.shape);
  const out: T[][] = [];
  for (let t = 0; t < b.count; t++) out.push(b.data.slice(t * size, (t + 1) * size) as T[]);
  return out;
}

/** f on every entry of every term. */
export function mapTerms<T>(b: Batch<T>, f: (x: T) => T): Batch<T> {
  return { count: b.count, shape: b.shape, data: b.data.map((x) => f(x)) };
}

/** One scalar per term, from the term's entries. */
export function reduceTerms<T>(b: Batch<T>, f: (entries: readonly T[]) => T): Batch<T> {
  return { count: b.count, shape: [], data: termsData(b).map(f) };
}

/**
 * f(a_t, b_t) term by term, broadcast as the evaluator broadcasts two values
 * (a scalar against a tensor, or equal shapes entrywise). A side that is one
 * value (it does not depend on the bound index) stands in every term.
 */
export function binaryTerms<T>(a: Batch<T> | Value<T>, b: Batch<T> | Value<T>, f: (x: T, y: T) => T, count: number): Batch<T> {
  const aSize = sizeOf(a.shape);
  const bSize = sizeOf(b.shape);
  const aStep = isBatch(a) ? aSize : 0;
  const bStep = isBatch(b) ? bSize : 0;
  const A = a.data;
  const B = b.data;
  const data: T[] = [];
  let shape: readonly number[];
  if (a.shape.length === 0) {
    shape = b.shape;
    for (let t = 0; t < count; t++) {
      const x = A[t * aStep];
      for (let j = 0; j < bSize; j++) data.push(f(x, B[t * bStep + j]));
    }
  } else if (b.shape.length === 0) {
    shape = a.shape;
    for (let t = 0; t < count; t++) {
      const y = B[t * bStep];
      for (let j = 0; j < aSize; j++) data.push(f(A[t * aStep + j], y));
    }
  } else {
    if (!sameShape(a.shape, b.shape)) throw new ShapeError('terms of different shapes');
    shape = a.shape;
    for (let t = 0; t < count; t++) for (let j = 0; j < aSize; j++) data.push(f(A[t * aStep + j], B[t * bStep + j]));
  }
  return { count, shape, data };
}

/** ⟨a_t, b_t⟩ term by term (equal shapes); a side that is one value stands in every term. */
export function innerTerms<T>(a: Batch<T> | Value<T>, b: Batch<T> | Value<T>, dot: (x: readonly T[], y: readonly T[]) => T, count: number): Batch<T> {
  if (!sameShape(a.shape, b.shape)) throw new ShapeError('inner product of terms of different shapes');
  const aTerms = isBatch(a) ? termsData(a) : null;
  const bTerms = isBatch(b) ? termsData(b) : null;
  const data: T[] = [];
  for (let t = 0; t < count; t++) data.push(dot(aTerms ? aTerms[t] : a.data, bTerms ? bTerms[t] : b.data));
  return { count, shape: [], data };
}
