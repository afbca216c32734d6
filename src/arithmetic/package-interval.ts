import * as pkg from 'interval-arithmetic';
import type { Interval, MaybeEmpty } from './interval.js';

/**
 * The same scalar operations computed by the `interval-arithmetic` package
 * (1.1.3), in our representation (null = empty set). Used to score the
 * package in the IEEE 1788 conformance harness and in the benchmark. It is
 * not used by any certified computation: the conformance vectors show it
 * unsound for odd powers over 0, exp near overflow and abs of the whole line
 * (see the README), and it costs an object and two nextafter calls per op.
 */

type PkgInterval = pkg.Interval;

function toPackage(a: Interval): PkgInterval {
  return new pkg.Interval(a.lo, a.hi);
}

function fromPackage(r: PkgInterval): MaybeEmpty {
  if (r.lo !== r.lo || r.hi !== r.hi) return { lo: -Infinity, hi: Infinity }; // NaN ends: no information
  return r.lo > r.hi ? null : { lo: r.lo, hi: r.hi };
}

function unary(f: (x: PkgInterval) => PkgInterval): (a: MaybeEmpty) => MaybeEmpty {
  return (a) => (a === null ? null : fromPackage(f(toPackage(a))));
}

function binary(f: (x: PkgInterval, y: PkgInterval) => PkgInterval): (a: MaybeEmpty, b: MaybeEmpty) => MaybeEmpty {
  return (a, b) => (a === null || b === null ? null : fromPackage(f(toPackage(a), toPackage(b))));
}

export const packageInterval = {
  add: binary(pkg.add),
  sub: binary(pkg.subtract),
  mul: binary(pkg.multiply),
  div: binary(pkg.divide),
  min: binary(pkg.min),
  max: binary(pkg.max),
  neg: unary(pkg.negative),
  abs: unary(pkg.abs),
  sqr: unary((x) => pkg.pow(x, 2)),
  sqrt: unary(pkg.sqrt),
  exp: unary(pkg.exp),
  log: unary(pkg.log),
  powInt: (a: MaybeEmpty, n: number): MaybeEmpty => (a === null ? null : fromPackage(pkg.pow(toPackage(a), n))),
};

/** The package's own objects, for benchmarking its native cost. */
export { pkg as intervalArithmeticPackage };
