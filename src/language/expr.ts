import type { Arith } from '../arithmetic/arith.js';
import type { Value } from './value.js';

/** Elementwise functions of one argument (applied entrywise to tensors). */
export type UnaryOp =
  | 'neg' | 'abs' | 'sqr' | 'sqrt' | 'exp' | 'expm1' | 'log' | 'log1p'
  | 'relu' | 'reluPrime' | 'logistic' | 'logisticPrime' | 'logisticInverse' | 'expLoss' | 'expLossInverse';

/** Reductions of one tensor to a scalar. */
export type ReduceOp = 'norm' | 'normSq' | 'total';

/** Entrywise binary operations (a scalar broadcasts against a tensor). */
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'min' | 'max';

/** A function of the mathematical models (risk, net output, gradient…), written once over `Arith`. */
export interface ModelFunction {
  readonly name: string;
  /** How it prints, given its printed arguments. */
  print(args: readonly string[]): string;
  evaluate<T>(arith: Arith<T>, args: readonly Value<T>[]): Value<T>;
}

/**
 * Expressions are data: a small tree that can be evaluated in any arithmetic,
 * printed, and searched. Integer expressions (indices, bounds) use the same
 * tree and are evaluated exactly in plain integers.
 */
export type Expr =
  /** A literal: `text` set means an exact decimal/rational; otherwise the double `value` typed in JS. */
  | { readonly kind: 'const'; readonly value: number; readonly text?: string }
  /** A value of the instance or of its setup (data, trajectory, step size…). */
  | { readonly kind: 'param'; readonly name: string; readonly label?: string }
  /** A bound integer index (Σ_k, max_i, or a step quantified over i). */
  | { readonly kind: 'index'; readonly name: string }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly arg: Expr }
  | { readonly kind: 'reduce'; readonly op: ReduceOp; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'pow'; readonly arg: Expr; readonly n: number }
  /** Frobenius inner product of equal-shape tensors (dot product of vectors). */
  | { readonly kind: 'inner'; readonly left: Expr; readonly right: Expr }
  /** Σ_{index=from}^{to} body, and min/max over the same range (inclusive integer bounds). */
  | { readonly kind: 'fold'; readonly op: 'sum' | 'min' | 'max'; readonly index: string; readonly from: Expr; readonly to: Expr; readonly body: Expr }
  /** Slice along leading axes: X[k], W[i][j]; `bases` are the notes' first indices (x_1… is 1, W_0… is 0). */
  | { readonly kind: 'at'; readonly arg: Expr; readonly indices: readonly Expr[]; readonly bases: readonly (0 | 1)[] }
  /** Stack rows: [e_1; …; e_m] for index = from..to. */
  | { readonly kind: 'rows'; readonly index: string; readonly from: Expr; readonly to: Expr; readonly body: Expr }
  | { readonly kind: 'call'; readonly fn: ModelFunction; readonly args: readonly Expr[] }
  /** ∇_V body(V) at V = at: the gradient of a scalar expression, by automatic differentiation. */
  | { readonly kind: 'grad'; readonly variable: string; readonly at: Expr; readonly body: Expr; readonly label?: string }
  /** A display name for a sub-expression (e.g. "R̂(W_i)"); evaluates its body. */
  | { readonly kind: 'named'; readonly label: string; readonly body: Expr }
  /** Escape hatch: an opaque hand-written function. Reports flag every step that uses one. */
  | { readonly kind: 'closure'; readonly label: string; readonly fn: ClosureFn };

export type ClosureFn = <T>(arith: Arith<T>, lookup: (name: string) => Value<T>, index: Readonly<Record<string, number>>) => Value<T>;

/** Children of a node, for generic walks. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'const':
    case 'param':
    case 'index':
    case 'closure':
      return [];
    case 'unary':
    case 'reduce':
    case 'pow':
      return [e.arg];
    case 'binary':
    case 'inner':
      return [e.left, e.right];
    case 'fold':
    case 'rows':
      return [e.from, e.to, e.body];
    case 'at':
      return [e.arg, ...e.indices];
    case 'call':
      return e.args;
    case 'named':
      return [e.body];
    case 'grad':
      return [e.at, e.body];
  }
}

/** Whether any node satisfies the predicate. */
export function some(e: Expr, predicate: (node: Expr) => boolean): boolean {
  return predicate(e) || children(e).some((c) => some(c, predicate));
}

const freeCache = new WeakMap<Expr, ReadonlySet<string>>();

/** Index variables used but not bound inside `e`. */
export function freeIndices(e: Expr): ReadonlySet<string> {
  const cached = freeCache.get(e);
  if (cached) return cached;
  const out = new Set<string>();
  if (e.kind === 'index') out.add(e.name);
  else if (e.kind === 'fold' || e.kind === 'rows') {
    for (const v of freeIndices(e.from)) out.add(v);
    for (const v of freeIndices(e.to)) out.add(v);
    for (const v of freeIndices(e.body)) if (v !== e.index) out.add(v);
  } else for (const c of children(e)) for (const v of freeIndices(c)) out.add(v);
  freeCache.set(e, out);
  return out;
}
