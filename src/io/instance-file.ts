import { readFileSync } from 'node:fs';
import { isLosslessNumber, parse as parseLossless, type LosslessNumber } from 'lossless-json';
import { withDecimals } from '../language/decimal-rows.js';
import type { Dataset } from '../models/dataset.js';
import {
  type ExactEntry,
  DECIMAL_EXPONENT_LIMIT,
  compareSquaredNormWithOne as compareExact,
  entryOfDecimal,
  entryOfDouble,
  powerOfTen,
  squaredNormMinusOne,
} from '../models/exact-entry.js';

/**
 * A user's data set as JSON: { "X": [[x_11, …, x_1d], …], "y": [±1, …] }.
 * Numbers are read losslessly (their text, not the double JSON.parse would round them to), and
 * every entry is the exact decimal written: 0.6 is six tenths. A row whose decimals are all
 * doubles is just its doubles; otherwise the row keeps its nearest doubles (for float screening)
 * and carries the decimals (language/decimal-rows.ts), which every certified computation reads.
 * The notes assume ‖x_i‖ ≤ 1; that is decided on the exact decimals, in BigInt, so it is never
 * undecidable, and a point outside the ball is named with its exact excess ‖x_i‖² − 1.
 */

/** A bad instance file; the message is one line, meant for the user (the CLI exits with code 2). */
export class InstanceFileError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'InstanceFileError';
  }
}

export interface InstanceOptions {
  /** Reject points with ‖x_i‖ > 1 (default true). */
  requireUnitBall?: boolean;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (isLosslessNumber(value)) return `number ${(value as LosslessNumber).value}`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 20 ? value.slice(0, 20) + '…' : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** Exact comparison Σ_j x_j² with 1 for doubles: −1, 0 or 1. */
export function compareSquaredNormWithOne(x: readonly number[]): number {
  let quick = 0;
  for (const v of x) quick += v * v;
  // Far from 1 the float sum decides (relative error below 1e−12 for any length we accept).
  if (x.length < 1e6) {
    if (quick < 1 - 1e-9) return -1;
    if (quick > 1 + 1e-9) return 1;
  }
  return compareExact(x.map(entryOfDouble));
}

/** The exact decimal num/den for den = 2^a·10^b (it terminates): "4.44e-17" with every digit. */
function exactDecimal(num: bigint, den: bigint): string {
  let twos = 0;
  let rest = den;
  while (rest % 10n === 0n) rest /= 10n;
  let tens = 0;
  for (let d = den; d % 10n === 0n; d /= 10n) tens++;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos++;
  }
  // num / (2^twos · 10^tens) = num · 5^twos / 10^(twos + tens).
  const digits = (num < 0n ? -num : num) * 5n ** BigInt(twos);
  const scale = twos + tens;
  const text = digits.toString().replace(/0+$/, '');
  const exponent = digits.toString().length - 1 - scale;
  const mantissa = text.length > 1 ? `${text[0]}.${text.slice(1)}` : text;
  return `${num < 0n ? '-' : ''}${mantissa}e${exponent}`;
}

/** An entry of the parsed JSON: its double and its exact value (null: not a usable number). */
function numberEntry(value: unknown): { double: number; exact: ExactEntry; text?: string } | 'not a number' | 'out of range' {
  if (typeof value === 'number') return Number.isFinite(value) ? { double: value + 0, exact: entryOfDouble(value) } : 'out of range';
  if (!isLosslessNumber(value)) return 'not a number';
  const text = (value as LosslessNumber).value;
  const exact = entryOfDecimal(text);
  const double = Number(text) + 0;
  if (exact === null || !Number.isFinite(double)) return 'out of range';
  return { double, exact, text };
}

/** Sign-carrying numerator of a − b over a positive common denominator. */
function difference(a: ExactEntry, b: ExactEntry): bigint {
  const p2 = Math.min(a.pow2, b.pow2);
  const p10 = Math.min(a.pow10, b.pow10);
  const scale = (x: ExactEntry): bigint => (x.m << BigInt(x.pow2 - p2)) * powerOfTen(x.pow10 - p10);
  return scale(a) - scale(b);
}

/** Validates parsed JSON as a data set; `source` names it in messages. Numbers may be doubles or lossless-json numbers. */
export function parseInstance(value: unknown, source = 'instance', options: InstanceOptions = {}): Dataset {
  const fail = (msg: string): never => {
    throw new InstanceFileError(`${source}: ${msg}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isLosslessNumber(value)) {
    fail(`expected an object { "X": [[…], …], "y": [±1, …] }, got ${describe(value)}`);
  }
  const obj = value as Record<string, unknown>;
  if (!('X' in obj)) fail('missing "X" (the points, an array of rows)');
  if (!('y' in obj)) fail('missing "y" (the labels, an array of ±1)');
  const X = obj.X;
  const y = obj.y;
  if (!Array.isArray(X)) fail(`"X" must be an array of rows, got ${describe(X)}`);
  if (!Array.isArray(y)) fail(`"y" must be an array of labels ±1, got ${describe(y)}`);
  const rows = X as unknown[];
  const labels = y as unknown[];
  if (rows.length === 0) fail('empty data: "X" has no points');
  if (labels.length !== rows.length) fail(`"X" has ${rows.length} points but "y" has ${labels.length} labels`);
  let d = -1;
  const points: number[][] = [];
  const exactRows: ExactEntry[][] = [];
  rows.forEach((row, i) => {
    if (!Array.isArray(row)) fail(`X[${i}] must be an array of numbers, got ${describe(row)}`);
    const r = row as unknown[];
    if (r.length === 0) fail(`X[${i}] is empty (points need at least one coordinate)`);
    if (d === -1) d = r.length;
    else if (r.length !== d) fail(`X[${i}] has ${r.length} coordinates but X[0] has ${d}`);
    const doubles: number[] = [];
    const exact: ExactEntry[] = [];
    const texts: string[] = [];
    let decimal = false;
    r.forEach((v, j) => {
      const entry = numberEntry(v);
      if (entry === 'not a number') fail(`X[${i}][${j}] must be a number, got ${describe(v)}`);
      if (entry === 'out of range') fail(`X[${i}][${j}] is not a finite double (${isLosslessNumber(v) ? (v as LosslessNumber).value : String(v)}; decimal exponents up to ±${DECIMAL_EXPONENT_LIMIT} are read)`);
      const { double, exact: value, text } = entry as Exclude<typeof entry, string>;
      doubles.push(double);
      exact.push(value);
      texts.push(text ?? String(double));
      if (text !== undefined && difference(value, entryOfDouble(double)) !== 0n) decimal = true;
    });
    points.push(decimal ? withDecimals(doubles, texts) : doubles);
    exactRows.push(exact);
  });
  const ys = labels.map((v, i) => {
    const entry = numberEntry(v);
    const isUnit = (e: ExactEntry): boolean => difference(e, { m: 1n, pow2: 0, pow10: 0 }) === 0n || difference(e, { m: -1n, pow2: 0, pow10: 0 }) === 0n;
    if (typeof entry === 'string' || !isUnit(entry.exact)) fail(`y[${i}] must be 1 or -1, got ${describe(v)}`);
    return (entry as { double: number }).double;
  });
  if (options.requireUnitBall ?? true) {
    exactRows.forEach((x, i) => {
      const excess = squaredNormMinusOne(x);
      if (excess.num > 0n) {
        const approx = Math.sqrt(points[i].reduce((s, v) => s + v * v, 0));
        fail(`‖X[${i}]‖ > 1: ‖X[${i}]‖² − 1 = ${exactDecimal(excess.num, excess.den)} exactly (‖X[${i}]‖ about ${approx}; the notes assume ‖x_i‖ ≤ 1)`);
      }
    });
  }
  return { X: points, y: ys };
}

/** Reads and validates an instance file; every failure is an InstanceFileError. */
export function readInstanceFile(path: string, options: InstanceOptions = {}): Dataset {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InstanceFileError(`${path}: cannot read the file${code ? ` (${code})` : ''}`);
  }
  let value: unknown;
  try {
    value = parseLossless(text);
  } catch (e) {
    throw new InstanceFileError(`${path}: invalid JSON: ${(e as Error).message}`);
  }
  return parseInstance(value, path, options);
}
