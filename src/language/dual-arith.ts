import type { Arith } from '../arithmetic/arith.js';
import { DomainError } from '../arithmetic/domain-error.js';

/** A value with its gradient with respect to the seeded parameter (null: a constant). */
export interface Dual<T> {
  readonly v: T;
  readonly g: readonly T[] | null;
}

/** Built once per base arithmetic and gradient size: an evaluation asks for it at every grad node. */
const built = new WeakMap<Arith<unknown>, Map<number, Arith<Dual<unknown>>>>();

/**
 * Forward-mode automatic differentiation over any arithmetic, so a gradient
 * can be checked against the notes' formula with the same rigour as the
 * values. At a kink (ReLU at 0, |·| at 0, min/max of overlapping arguments)
 * the derivative is Clarke's generalised gradient: the hull of the one-sided
 * derivatives, except σ' at an exact zero, which is 0 as A.reluPrime says, so
 * that the gradient takes the same σ'(0) as the notes' formula at that kink.
 */
export function dualArith<T>(A: Arith<T>, size: number): Arith<Dual<T>> {
  let bySize = built.get(A as Arith<unknown>);
  if (!bySize) built.set(A as Arith<unknown>, (bySize = new Map()));
  let D = bySize.get(size) as Arith<Dual<T>> | undefined;
  if (!D) bySize.set(size, (D = buildDualArith(A, size)) as Arith<Dual<unknown>>);
  return D;
}

function buildDualArith<T>(A: Arith<T>, size: number): Arith<Dual<T>> {
  const zero = A.num(0);
  const one = A.num(1);
  const c = (v: T): Dual<T> => ({ v, g: null });
  const scale = (g: readonly T[] | null, k: T): readonly T[] | null => (g ? g.map((x) => A.mul(x, k)) : null);
  const plus = (a: readonly T[] | null, b: readonly T[] | null): readonly T[] | null =>
    a && b ? a.map((x, i) => A.add(x, b[i])) : a ?? b;
  const chain = (a: Dual<T>, v: T, dv: () => T): Dual<T> => ({ v, g: a.g ? scale(a.g, dv()) : null });
  const hullG = (a: readonly T[] | null, b: readonly T[] | null): readonly T[] | null => {
    if (!a && !b) return null;
    const x = a ?? Array(size).fill(zero);
    const y = b ?? Array(size).fill(zero);
    return x.map((xi, i) => A.hull(xi, y[i]));
  };
  const self: Arith<Dual<T>> = {
    kind: A.kind,
    certified: A.certified,
    digits: A.digits,
    num: (x) => c(A.num(x)),
    exact: (t) => c(A.exact(t)),
    range: (lo, hi) => c(A.range(lo, hi)),
    constant: (name) => c(A.constant(name)),
    add: (a, b) => ({ v: A.add(a.v, b.v), g: plus(a.g, b.g) }),
    sub: (a, b) => ({ v: A.sub(a.v, b.v), g: plus(a.g, b.g === null ? null : scale(b.g, A.num(-1))) }),
    mul: (a, b) => ({ v: A.mul(a.v, b.v), g: plus(scale(a.g, b.v), scale(b.g, a.v)) }),
    div: (a, b) => {
      const q = A.div(a.v, b.v);
      const num = plus(a.g, b.g === null ? null : scale(b.g, A.neg(q)));
      return { v: q, g: num ? num.map((x) => A.div(x, b.v)) : null };
    },
    neg: (a) => ({ v: A.neg(a.v), g: scale(a.g, A.num(-1)) }),
    abs: (a) => chain(a, A.abs(a.v), () => signOf(A, a.v)),
    min: (a, b) => pick(A, a, b, 'min', hullG),
    max: (a, b) => pick(A, a, b, 'max', hullG),
    sqr: (a) => chain(a, A.sqr(a.v), () => A.mul(A.num(2), a.v)),
    sqrt: (a) => {
      const r = A.sqrt(a.v);
      if (a.g && A.le(a.v, zero) !== 'refuted') throw new DomainError('d/dx √x at 0', A.lo(a.v) === 0 && A.hi(a.v) === 0);
      return chain(a, r, () => A.div(one, A.mul(A.num(2), r)));
    },
    powInt: (a, n) => chain(a, A.powInt(a.v, n), () => A.mul(A.num(n), A.powInt(a.v, n - 1))),
    exp: (a) => {
      const e = A.exp(a.v);
      return chain(a, e, () => e);
    },
    expm1: (a) => chain(a, A.expm1(a.v), () => A.exp(a.v)),
    log: (a) => chain(a, A.log(a.v), () => A.div(one, a.v)),
    log1p: (a) => chain(a, A.log1p(a.v), () => A.div(one, A.add(one, a.v))),
    relu: (a) => chain(a, A.relu(a.v), () => A.reluPrime(a.v)),
    reluPrime: (a) => c(A.reluPrime(a.v)),
    logistic: (a) => chain(a, A.logistic(a.v), () => A.logisticPrime(a.v)),
    logisticPrime: (a) => {
      const p = A.logisticPrime(a.v);
      return chain(a, p, () => A.mul(A.neg(p), A.add(one, p)));
    },
    logisticInverse: (a) => {
      const r = A.logisticInverse(a.v);
      return chain(a, r, () => A.div(one, A.logisticPrime(r)));
    },
    expLoss: (a) => {
      const e = A.expLoss(a.v);
      return chain(a, e, () => A.neg(e));
    },
    expLossInverse: (a) => chain(a, A.expLossInverse(a.v), () => A.neg(A.div(one, a.v))),
    sum: (xs) => xs.reduce((acc, x) => self.add(acc, x), c(zero)),
    // The value through A.dot (which decides an exact zero of exact entries, an exact kink), the gradient by the product rule.
    dot: (xs, ys) => ({
      v: A.dot(xs.map((x) => x.v), ys.map((y) => y.v)),
      g: xs.reduce<readonly T[] | null>((acc, x, i) => plus(acc, plus(scale(x.g, ys[i].v), scale(ys[i].g, x.v))), null),
    }),
    lo: (a) => A.lo(a.v),
    hi: (a) => A.hi(a.v),
    width: (a) => A.width(a.v),
    hull: (a, b) => ({ v: A.hull(a.v, b.v), g: hullG(a.g, b.g) }),
    subset: (a, b) => A.subset(a.v, b.v),
    lt: (a, b) => A.lt(a.v, b.v),
    le: (a, b) => A.le(a.v, b.v),
    format: (a) => A.format(a.v),
  };
  return self;
}

function signOf<T>(A: Arith<T>, x: T): T {
  const zero = A.num(0);
  if (A.lt(zero, x) === 'proved') return A.num(1);
  if (A.lt(x, zero) === 'proved') return A.num(-1);
  return A.range(-1, 1);
}

function pick<T>(A: Arith<T>, a: Dual<T>, b: Dual<T>, op: 'min' | 'max', hullG: (x: readonly T[] | null, y: readonly T[] | null) => readonly T[] | null): Dual<T> {
  const v = op === 'min' ? A.min(a.v, b.v) : A.max(a.v, b.v);
  const aFirst = A.lt(a.v, b.v) === 'proved';
  const bFirst = A.lt(b.v, a.v) === 'proved';
  if (aFirst) return { v, g: op === 'min' ? a.g : b.g };
  if (bFirst) return { v, g: op === 'min' ? b.g : a.g };
  return { v, g: hullG(a.g, b.g) };
}

/** Seeds entry k of a parameter: its gradient is the k-th unit vector. */
export function seed<T>(A: Arith<T>, values: readonly T[]): Dual<T>[] {
  const zero = A.num(0);
  const one = A.num(1);
  return values.map((v, k) => ({ v, g: values.map((_, j) => (j === k ? one : zero)) }));
}
