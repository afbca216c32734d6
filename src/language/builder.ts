import { print } from './print.js';
import type { BinaryOp, ClosureFn, Expr, ModelFunction, ReduceOp, UnaryOp } from './expr.js';

/**
 * The builder proof files use: expressions read like the notes.
 *   sum('k', 1, n, (k) => ellPrime(y.at(k).times(f(X.at(k), W))))
 * Wrapped nodes are immutable; every method returns a new expression.
 */
export type Base = 0 | 1;

export class E {
  /** `bases`: the notes' first index along each remaining axis (x_1 → 1, W_0 → 0); unknown axes count from 1. */
  constructor(readonly node: Expr, readonly bases: readonly Base[] = []) {}

  plus(b: Operand): E { return bin('add', this, b); }
  minus(b: Operand): E { return bin('sub', this, b); }
  times(b: Operand): E { return bin('mul', this, b); }
  over(b: Operand): E { return bin('div', this, b); }
  neg(): E { return un('neg', this); }
  squared(): E { return un('sqr', this); }
  pow(n: number): E {
    if (!Number.isInteger(n)) throw new Error(`pow: integer exponent expected, got ${n}`);
    return new E({ kind: 'pow', arg: this.node, n });
  }
  /** The entry at the notes' index (1-based for data x_k, 0-based for iterates W_i, as the param declares). */
  at(...indices: Operand[]): E {
    const bases = indices.map((_, k) => this.bases[k] ?? 1);
    return new E({ kind: 'at', arg: this.node, indices: indices.map(toExpr), bases }, this.bases.slice(indices.length));
  }
  /** Display this sub-expression under a name in reports. */
  as(label: string): E { return new E({ kind: 'named', label, body: this.node }, this.bases); }
}

export type Operand = E | number;

export function toExpr(x: Operand): Expr {
  return typeof x === 'number' ? { kind: 'const', value: x } : x.node;
}

function wrap(x: Operand): E {
  return typeof x === 'number' ? new E(toExpr(x)) : x;
}

function bin(op: BinaryOp, a: Operand, b: Operand): E {
  return new E({ kind: 'binary', op, left: toExpr(a), right: toExpr(b) });
}

function un(op: UnaryOp, a: Operand): E {
  return new E({ kind: 'unary', op, arg: toExpr(a) });
}

function reduce(op: ReduceOp, a: Operand): E {
  return new E({ kind: 'reduce', op, arg: toExpr(a) });
}

/**
 * A value of the instance. `base` is the notes' first index along each axis:
 * 1 by default (x_1 … x_n, w_1 … w_m); a trajectory W_0 … W_t with rows w_1 … is [0, 1].
 */
export function param(name: string, options: { base?: Base | readonly Base[]; label?: string } = {}): E {
  const base = options.base ?? 1;
  return new E({ kind: 'param', name, label: options.label }, typeof base === 'number' ? [base, base, base, base] : base);
}

/** A JS number literal: the double as typed (reports list it as not guaranteed unless it is an integer). */
export function lit(value: number): E {
  return new E({ kind: 'const', value });
}

/** An exact decimal or rational literal ("0.1", "1/3"), enclosed rigorously. */
export function exact(text: string): E {
  const value = text.includes('/') ? Number(text.split('/')[0]) / Number(text.split('/')[1]) : Number(text);
  if (!Number.isFinite(value)) throw new Error(`exact: not a number: ${text}`);
  return new E({ kind: 'const', value, text });
}

export const neg = (a: Operand): E => un('neg', a);
export const abs = (a: Operand): E => un('abs', a);
export const sqr = (a: Operand): E => un('sqr', a);
export const sqrt = (a: Operand): E => un('sqrt', a);
export const exp = (a: Operand): E => un('exp', a);
export const log = (a: Operand): E => un('log', a);
export const log1p = (a: Operand): E => un('log1p', a);
export const relu = (a: Operand): E => un('relu', a);
export const reluPrime = (a: Operand): E => un('reluPrime', a);
/** ℓ(z) = log(1 + e^(−z)) and its derivative and inverse. */
export const logistic = (a: Operand): E => un('logistic', a);
export const logisticPrime = (a: Operand): E => un('logisticPrime', a);
export const logisticInverse = (a: Operand): E => un('logisticInverse', a);
/** ℓ(z) = e^(−z) and its inverse −log v. */
export const expLoss = (a: Operand): E => un('expLoss', a);
export const expLossInverse = (a: Operand): E => un('expLossInverse', a);

export const add = (a: Operand, b: Operand): E => bin('add', a, b);
export const sub = (a: Operand, b: Operand): E => bin('sub', a, b);
export const mul = (a: Operand, b: Operand): E => bin('mul', a, b);
export const div = (a: Operand, b: Operand): E => bin('div', a, b);
export const min = (a: Operand, b: Operand): E => bin('min', a, b);
export const max = (a: Operand, b: Operand): E => bin('max', a, b);

/** ‖v‖ (ℓ2 for vectors, Frobenius for matrices), ‖v‖², and the sum of all entries. */
export const norm = (a: Operand): E => reduce('norm', a);
export const normSq = (a: Operand): E => reduce('normSq', a);
export const total = (a: Operand): E => reduce('total', a);
/** ⟨a, b⟩: dot product of vectors, Frobenius inner product of matrices. */
export const inner = (a: Operand, b: Operand): E => new E({ kind: 'inner', left: toExpr(a), right: toExpr(b) });

let indexCounter = 0;
function bind(name: string): E {
  return new E({ kind: 'index', name });
}

function fold(op: 'sum' | 'min' | 'max', name: string, from: Operand, to: Operand, body: (i: E) => Operand): E {
  const index = `${name}#${++indexCounter}`;
  return new E({ kind: 'fold', op, index, from: toExpr(from), to: toExpr(to), body: toExpr(body(boundIndex(index, name))) });
}

/** Σ_{name=from}^{to} body(name), inclusive bounds. */
export const sum = (name: string, from: Operand, to: Operand, body: (i: E) => Operand): E => fold('sum', name, from, to, body);
/** min / max over name = from..to. */
export const minOver = (name: string, from: Operand, to: Operand, body: (i: E) => Operand): E => fold('min', name, from, to, body);
export const maxOver = (name: string, from: Operand, to: Operand, body: (i: E) => Operand): E => fold('max', name, from, to, body);

/** The matrix whose rows are body(name) for name = from..to. */
export function rows(name: string, from: Operand, to: Operand, body: (i: E) => Operand): E {
  const index = `${name}#${++indexCounter}`;
  return new E({ kind: 'rows', index, from: toExpr(from), to: toExpr(to), body: toExpr(body(boundIndex(index, name))) });
}

/** A free index, for steps quantified over it (e.g. every iterate i). */
export function index(name: string): E {
  return bind(name);
}

/** Bound indices carry a unique internal name so nested sums never capture; printing uses the display name. */
function boundIndex(internal: string, _display: string): E {
  return new E({ kind: 'index', name: internal });
}

let variableCounter = 0;

/**
 * ∇_V body(V) at V = at: the gradient of a scalar expression, by forward-mode
 * automatic differentiation in the same arithmetic (certified in interval modes).
 */
export function grad(at: E, body: (V: E) => Operand, label?: string): E {
  const variable = `V#${++variableCounter}`;
  const V = new E({ kind: 'param', name: variable, label: print(at.node) }, at.bases);
  return new E({ kind: 'grad', variable, at: at.node, body: toExpr(body(V)), label }, at.bases);
}

export function call(fn: ModelFunction, ...args: Operand[]): E {
  return new E({ kind: 'call', fn, args: args.map(toExpr) });
}

/** Escape hatch: an opaque hand-written computation. Reports flag it. */
export function closure(label: string, fn: ClosureFn): E {
  return new E({ kind: 'closure', label, fn });
}

export { wrap as expr };
