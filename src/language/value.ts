import type { Arith } from '../arithmetic/arith.js';
import { decimalsOf, exactRow } from './decimal-rows.js';

/**
 * Every value an expression produces is a tensor: a scalar has shape [],
 * a vector [n], a matrix [m, d] (row-major), a trajectory of matrices [t, m, d].
 */
export interface Value<T> {
  readonly shape: readonly number[];
  readonly data: readonly T[];
}

export function scalar<T>(x: T): Value<T> {
  return { shape: [], data: [x] };
}

export function isScalar<T>(v: Value<T>): boolean {
  return v.shape.length === 0;
}

export function asScalar<T>(v: Value<T>, context: string): T {
  if (v.shape.length !== 0) throw new ShapeError(`${context}: expected a scalar, got shape [${v.shape.join(', ')}]`);
  return v.data[0];
}

export class ShapeError extends Error {
  override name = 'ShapeError';
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** Converts plain doubles (scalars and nested arrays) to an exact value in the given arithmetic (rows with decimals: see decimal-rows.ts). */
export function fromPlain<T>(arith: Arith<T>, plain: unknown, context = 'value'): Value<T> {
  if (!Array.isArray(plain)) return convertPlain(arith, plain, context);
  // A data set is shared by every instance drawn on it (and by a sweep's instances): converted once per arithmetic.
  let byArith = converted.get(plain);
  if (!byArith) converted.set(plain, (byArith = new Map()));
  let value = byArith.get(arith) as Value<T> | undefined;
  if (!value) byArith.set(arith, (value = convertPlain(arith, plain, context)));
  return value;
}

const converted = new WeakMap<readonly unknown[], Map<Arith<unknown>, Value<unknown>>>();

function convertPlain<T>(arith: Arith<T>, plain: unknown, context: string): Value<T> {
  const shape: number[] = [];
  let probe: unknown = plain;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const data: T[] = [];
  walkPlain(arith, plain, 0, shape, data, context);
  return { shape, data };
}

function walkPlain<T>(arith: Arith<T>, node: unknown, depth: number, shape: readonly number[], data: T[], context: string): void {
  if (depth === shape.length) {
    if (typeof node !== 'number') throw new ShapeError(`${context}: expected a number, got ${typeof node}`);
    data.push(arith.num(node));
    return;
  }
  if (!Array.isArray(node) || node.length !== shape[depth]) throw new ShapeError(`${context}: ragged array`);
  // A row that stands for decimals (a user's data set) binds them exactly, not its nearest doubles.
  const decimals = depth === shape.length - 1 ? decimalsOf(node as number[]) : undefined;
  if (decimals) for (const x of exactRow(arith, node as number[])) data.push(x);
  else for (const child of node) walkPlain(arith, child, depth + 1, shape, data, context);
}

/** The sub-tensor at `index` along the leading axis. */
export function slice<T>(v: Value<T>, index: number, context: string): Value<T> {
  if (v.shape.length === 0) throw new ShapeError(`${context}: cannot index a scalar`);
  const n = v.shape[0];
  if (!Number.isInteger(index) || index < 0 || index >= n) {
    throw new ShapeError(`${context}: index ${index} out of range 0..${n - 1}`);
  }
  const rest = v.shape.slice(1);
  const size = rest.reduce((a, b) => a * b, 1);
  return { shape: rest, data: v.data.slice(index * size, (index + 1) * size) };
}

/** Stacks equal-shape values along a new leading axis. */
export function stack<T>(values: readonly Value<T>[]): Value<T> {
  if (values.length === 0) return { shape: [0], data: [] };
  const inner = values[0].shape;
  for (const v of values) if (!sameShape(v.shape, inner)) throw new ShapeError('stack: shapes differ');
  return { shape: [values.length, ...inner], data: values.flatMap((v) => v.data) };
}
