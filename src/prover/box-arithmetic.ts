import type { Arith } from '../arithmetic/arith.js';
import { intervalArith } from '../arithmetic/interval-arith.js';
import type { Interval } from '../arithmetic/interval.js';
import { dualArith, type Dual } from '../language/dual-arith.js';
import { Evaluator } from '../language/evaluate.js';
import type { Expr } from '../language/expr.js';
import { asScalar, scalar } from '../language/value.js';
import type { Box, Variable } from './box.js';

/**
 * Forward differentiation on a box. On a box where a ≤ b everywhere (not only
 * at one point), min(a, b) is a as a function on the box, so its derivative
 * there is a′: the mean-value forms over the box may use it. A tie at a single
 * point keeps the hull of both one-sided derivatives, as the notes' σ′(0) does.
 */
function boxDual<T>(A: Arith<T>, size: number): Arith<Dual<T>> {
  const D = dualArith(A, size);
  const pick = (op: 'min' | 'max') => (a: Dual<T>, b: Dual<T>): Dual<T> => {
    const ab = A.le(a.v, b.v) === 'proved';
    const ba = A.le(b.v, a.v) === 'proved';
    if (ab !== ba) return (ab === (op === 'min')) ? { v: D[op](a, b).v, g: a.g } : { v: D[op](a, b).v, g: b.g };
    return D[op](a, b);
  };
  return { ...D, min: pick('min'), max: pick('max') };
}

/** The enclosure of an expression over a box of the variables, in a certified arithmetic. */
export function enclose<T = Interval>(expr: Expr, variables: readonly Variable[], box: Box, A: Arith<T> = intervalArith as unknown as Arith<T>): T {
  const values = Object.fromEntries(variables.map((v, k) => [v.name, scalar(A.range(box[k][0], box[k][1]))]));
  return new Evaluator(A, values, {}).scalar(expr);
}

export interface FirstOrder {
  value: Interval;
  gradient: Interval[];
}

/** The value and every partial derivative, enclosed over the box. */
export function withGradient(expr: Expr, variables: readonly Variable[], box: Box): FirstOrder {
  const I = intervalArith;
  const D = boxDual(I, variables.length);
  const zero = I.num(0);
  const one = I.num(1);
  const values = Object.fromEntries(
    variables.map((v, k) => [v.name, scalar<Dual<Interval>>({ v: I.range(box[k][0], box[k][1]), g: variables.map((_, j) => (j === k ? one : zero)) })]),
  );
  const out = asScalar(new Evaluator(D, values, {}).value(expr), 'prover goal');
  return { value: out.v, gradient: out.g ? [...out.g] : variables.map(() => zero) };
}

export interface SecondOrder {
  value: Interval;
  first: Interval;
  second: Interval;
}

/** One variable: value, first and second derivative over [lo, hi], by nested dual numbers. */
export function secondOrder(expr: Expr, variable: Variable, lo: number, hi: number): SecondOrder {
  const I = intervalArith;
  const D1 = boxDual(I, 1);
  const D2 = boxDual(D1, 1);
  const x: Dual<Dual<Interval>> = { v: { v: I.range(lo, hi), g: [I.num(1)] }, g: [{ v: I.num(1), g: [I.num(0)] }] };
  const out = asScalar(new Evaluator(D2, { [variable.name]: scalar(x) }, {}).value(expr), 'prover goal');
  const zero = I.num(0);
  const first = out.v.g ? out.v.g[0] : zero;
  const second = out.g ? (out.g[0].g ? out.g[0].g[0] : zero) : zero;
  return { value: out.v.v, first, second };
}
