import { readFileSync } from 'node:fs';
import { binaryValue } from '../arithmetic/rounding.js';
import type { Dataset } from '../models/dataset.js';

/**
 * A user's data set as JSON: { "X": [[x_11, …, x_1d], …], "y": [±1, …] }.
 * Every number is read as the exact double JSON gives it. The notes assume
 * ‖x_i‖ ≤ 1; that is decided exactly (Σ_j x_ij² of doubles is a rational,
 * compared with 1 in BigInt), so it is never undecidable.
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
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 20 ? value.slice(0, 20) + '…' : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** Exact comparison Σ_j x_j² with 1: −1, 0 or 1. */
export function compareSquaredNormWithOne(x: readonly number[]): number {
  let quick = 0;
  for (const v of x) quick += v * v;
  // Far from 1 the float sum decides (relative error below 1e−12 for any length we accept).
  if (x.length < 1e6) {
    if (quick < 1 - 1e-9) return -1;
    if (quick > 1 + 1e-9) return 1;
  }
  let eMin = 0;
  const parts = x.map((v) => binaryValue(v));
  for (const p of parts) if (p.m !== 0n) eMin = Math.min(eMin, 2 * p.e);
  // Σ m²·2^(2e) against 2^0, all scaled by 2^(−eMin).
  let sum = 0n;
  for (const p of parts) if (p.m !== 0n) sum += (p.m * p.m) << BigInt(2 * p.e - eMin);
  const one = 1n << BigInt(-eMin);
  return sum < one ? -1 : sum > one ? 1 : 0;
}

/** Validates parsed JSON as a data set; `source` names it in messages. */
export function parseInstance(value: unknown, source = 'instance', options: InstanceOptions = {}): Dataset {
  const fail = (msg: string): never => {
    throw new InstanceFileError(`${source}: ${msg}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
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
  rows.forEach((row, i) => {
    if (!Array.isArray(row)) fail(`X[${i}] must be an array of numbers, got ${describe(row)}`);
    const r = row as unknown[];
    if (r.length === 0) fail(`X[${i}] is empty (points need at least one coordinate)`);
    if (d === -1) d = r.length;
    else if (r.length !== d) fail(`X[${i}] has ${r.length} coordinates but X[0] has ${d}`);
    r.forEach((v, j) => {
      if (typeof v !== 'number') fail(`X[${i}][${j}] must be a number, got ${describe(v)}`);
      if (!Number.isFinite(v)) fail(`X[${i}][${j}] is not a finite double (${String(v)})`);
    });
    points.push((r as number[]).map((v) => v + 0));
  });
  const ys = labels.map((v, i) => {
    if (v !== 1 && v !== -1) fail(`y[${i}] must be 1 or -1, got ${describe(v)}`);
    return v as number;
  });
  if (options.requireUnitBall ?? true) {
    points.forEach((x, i) => {
      if (compareSquaredNormWithOne(x) > 0) {
        const approx = Math.sqrt(x.reduce((s, v) => s + v * v, 0));
        fail(`‖X[${i}]‖ > 1 (about ${approx}; the notes assume ‖x_i‖ ≤ 1)`);
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
    value = JSON.parse(text);
  } catch (e) {
    throw new InstanceFileError(`${path}: invalid JSON: ${(e as Error).message}`);
  }
  return parseInstance(value, path, options);
}
