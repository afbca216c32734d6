import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Arith } from '../../src/arithmetic/arith.js';
import { decimalArith } from '../../src/arithmetic/decimal-arith.js';
import { doubleDoubleArith } from '../../src/arithmetic/double-double-arith.js';
import { floatArith } from '../../src/arithmetic/float-arith.js';
import { intervalArith } from '../../src/arithmetic/interval-arith.js';
import {
  abs, closure, div, exp, expLoss, inner, lit, log, max, maxOver, min, minOver, normSq, param, relu, rows, sqrt, sum, total, type E,
} from '../../src/language/builder.js';
import { Evaluator, StepTimeoutError } from '../../src/language/evaluate.js';
import { children, type Expr } from '../../src/language/expr.js';
import { print } from '../../src/language/print.js';
import { fromPlain, type Value } from '../../src/language/value.js';
import { fuzz } from '../fuzz.js';

/**
 * Folds and rows are computed for all their terms at once (language/batch.ts). Every term must get the value it
 * gets computed alone, in every arithmetic, and an evaluation that fails must fail as it does term by term.
 */
const X = param('X', { base: 1 });
const y = param('y', { base: 1 });
const W = param('W', { base: 1 });
const w = param('w');
const c = param('c');

type Body = (i: E) => E;
const unaries: ((a: E) => E)[] = [(a) => a.neg(), (a) => a.squared(), sqrt, exp, log, relu, expLoss, abs];
const binaries: ((a: E, b: E) => E)[] = [(a, b) => a.plus(b), (a, b) => a.minus(b), (a, b) => a.times(b), div, min, max];

const { scalarBody, vectorBody } = fc.letrec<{ scalarBody: Body; vectorBody: Body }>((tie) => ({
  scalarBody: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Body>((i) => y.at(i), (i) => i, () => c, () => lit(0), () => lit(-2), () => lit(1e-300), () => lit(1e300), (i) => X.at(i, 1), (i) => y.at(i.plus(1))),
    fc.tuple(fc.constantFrom(...unaries), tie('scalarBody') as fc.Arbitrary<Body>).map(([f, a]): Body => (i) => f(a(i))),
    fc.tuple(fc.constantFrom(...binaries), tie('scalarBody') as fc.Arbitrary<Body>, tie('scalarBody') as fc.Arbitrary<Body>).map(([f, a, b]): Body => (i) => f(a(i), b(i))),
    fc.tuple(tie('vectorBody') as fc.Arbitrary<Body>, tie('vectorBody') as fc.Arbitrary<Body>).map(([a, b]): Body => (i) => inner(a(i), b(i))),
    (tie('vectorBody') as fc.Arbitrary<Body>).map((a): Body => (i) => normSq(a(i))),
    (tie('vectorBody') as fc.Arbitrary<Body>).map((a): Body => (i) => total(a(i))),
    // A net's output inside a sum over points: a fold over j inside the fold over i.
    (tie('vectorBody') as fc.Arbitrary<Body>).map((a): Body => (i) => sum('j', 1, param('m'), (j) => relu(inner(W.at(j), a(i))))),
    (tie('scalarBody') as fc.Arbitrary<Body>).map((a): Body => (i) => minOver('j', 1, param('m'), (j) => W.at(j, 1).times(a(i)))),
    (tie('scalarBody') as fc.Arbitrary<Body>).map((a): Body => (i) => a(i).times(closure('c', (_A, lookup) => lookup('c')))),
  ),
  vectorBody: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom<Body>((i) => X.at(i), () => w, () => W.at(1)),
    fc.tuple(tie('vectorBody') as fc.Arbitrary<Body>, tie('scalarBody') as fc.Arbitrary<Body>).map(([v, s]): Body => (i) => v(i).times(s(i))),
    fc.tuple(tie('vectorBody') as fc.Arbitrary<Body>, tie('vectorBody') as fc.Arbitrary<Body>).map(([a, b]): Body => (i) => a(i).plus(b(i))),
  ),
}));

const outerFolds: ((n: E, body: Body, vector: Body) => E)[] = [
  (n, s) => sum('i', 1, n, s),
  (n, s) => minOver('i', 1, n, s),
  (n, s) => maxOver('i', 1, n, s),
  (n, s) => rows('i', 1, n, s),
  (n, s) => sum('i', 2, n, s),
  (n, _s, v) => sum('i', 1, n, v),
  (n, _s, v) => rows('i', 1, n, v),
];

const entry = fc.oneof(fc.double({ min: -4, max: 4, noNaN: true }), fc.constantFrom(0, -0, 1e-300, 1e300, -1));
const instance = fc
  .record({ n: fc.integer({ min: 1, max: 6 }), d: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, d, m }) =>
    fc.record({
      n: fc.constant(n),
      d: fc.constant(d),
      m: fc.constant(m),
      X: fc.array(fc.array(entry, { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
      y: fc.array(fc.constantFrom(1, -1), { minLength: n, maxLength: n }),
      W: fc.array(fc.array(entry, { minLength: d, maxLength: d }), { minLength: m, maxLength: m }),
      w: fc.array(entry, { minLength: d, maxLength: d }),
      c: entry,
    }),
  );

const arithmetics: [string, Arith<unknown>][] = [
  ['floats', floatArith as Arith<unknown>],
  ['float intervals', intervalArith as Arith<unknown>],
  ['double-double intervals', doubleDoubleArith as Arith<unknown>],
  ['30-digit decimal intervals', decimalArith(30) as Arith<unknown>],
];

const folds = (e: Expr): number => (e.kind === 'fold' || e.kind === 'rows' ? 1 : 0) + children(e).reduce((k, x) => k + folds(x), 0);

type Outcome = { data: string[][]; shape: readonly number[]; work: number } | { error: string; work: number };

function evaluate<T>(A: Arith<T>, e: E, plain: Record<string, unknown>, ints: Record<string, number>, batch: boolean): Outcome {
  const values: Record<string, Value<T>> = Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, fromPlain(A, v)]));
  const ev = new Evaluator(A, values, ints);
  ev.batchTerms = batch;
  try {
    const v = ev.value(e.node);
    return { shape: v.shape, data: v.data.map((x) => A.format(x)), work: ev.work };
  } catch (err) {
    return { error: `${(err as Error).name}: ${(err as Error).message}`, work: ev.work };
  }
}

describe('folds computed for all their terms at once', () => {
  for (const [name, A] of arithmetics) {
    it(`give every term's value, error and work count as term by term, in ${name}`, () => {
      const seen = { values: 0, errors: 0 };
      fc.assert(
        fc.property(instance, fc.constantFrom(...outerFolds), scalarBody, vectorBody, (data, fold, s, v) => {
          const e = fold(param('n'), s, v);
          const plain = { X: data.X, y: data.y, W: data.W, w: data.w, c: data.c };
          const ints = { n: data.n, d: data.d, m: data.m };
          const batched = evaluate(A, e, plain, ints, true);
          const alone = evaluate(A, e, plain, ints, false);
          // A fold inside the body may find a value cached one way (per term, or as a batch) and miss it the
          // other: the work counts then differ by what was really recomputed. With one fold they are the same.
          if (folds(e.node) > 1) {
            batched.work = alone.work;
          }
          expect(batched, print(e.node)).toEqual(alone);
          seen['error' in alone ? 'errors' : 'values']++;
        }),
        fuzz(name === '30-digit decimal intervals' ? 150 : 400, 20261203),
      );
      // Both paths are exercised: batches that hold, and batches that fail (log 0, an index past n) and are redone
      // term by term. Shares, not counts, so that LEMMACHECK_FUZZ_RUNS can change the count (too few cases say nothing).
      const cases = seen.values + seen.errors;
      if (cases >= 100) {
        expect(seen.values).toBeGreaterThan(cases / 8);
        expect(seen.errors).toBeGreaterThan(cases / 40);
      }
    });
  }

  it('shares one body between folds: Σ_i and min_i of the same terms compute them once', () => {
    const body: Body = (i) => expLoss(y.at(i).times(inner(w, X.at(i))));
    const n = 50;
    const plain = { X: Array.from({ length: n }, (_, k) => [k / n, 1 - k / n]), y: Array.from({ length: n }, (_, k) => (k % 2 ? 1 : -1)), w: [0.5, -0.25] };
    const values = Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, fromPlain(intervalArith, v)]));
    const ev = new Evaluator(intervalArith, values, { n });
    ev.value(sum('i', 1, param('n'), body).node);
    const afterSum = ev.work;
    ev.value(minOver('i', 1, param('n'), body).node);
    expect(ev.work - afterSum).toBe(1);
  });

  it('stops at the deadline inside a batch, as term by term', () => {
    const n = 2000;
    const plain = { X: Array.from({ length: n }, (_, k) => [k, 1]), w: [1, 2] };
    const values = Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, fromPlain(intervalArith, v)]));
    const ev = new Evaluator(intervalArith, values, { n });
    ev.deadline = Date.now() - 1;
    expect(() => ev.value(sum('i', 1, param('n'), (i) => exp(inner(w, X.at(i)))).node)).toThrow(StepTimeoutError);
  });
});
