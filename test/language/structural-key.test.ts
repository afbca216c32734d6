import { describe, expect, it } from 'vitest';
import { exact, index, lit, param, sum } from '../../src/language/builder.js';
import { Evaluator } from '../../src/language/evaluate.js';
import { structuralKey } from '../../src/language/structural-key.js';
import { floatArith } from '../../src/arithmetic/float-arith.js';
import { intervalArith } from '../../src/arithmetic/interval-arith.js';
import type { Interval } from '../../src/arithmetic/interval.js';
import type { Expr } from '../../src/language/expr.js';

const x = param('x');
const n = param('n');
const i = index('i');
const j = index('j');
const same = (a: { node: Expr }, b: { node: Expr }): boolean => structuralKey(a.node).id === structuralKey(b.node).id;

describe('structural keys of expressions', () => {
  it('two sums that differ only in the name of their bound index are one computation', () => {
    const a = sum('k', 1, n, (k) => x.at(k).squared());
    const b = sum('l', 1, n, (l) => x.at(l).squared());
    expect(a.node).not.toBe(b.node);
    expect(same(a, b)).toBe(true);
    expect(structuralKey(a.node).free).toEqual([]);
  });

  it('tells apart what computes differently', () => {
    expect(same(lit(0.1), exact('0.1'))).toBe(false); // the double nearest 0.1 against one tenth
    expect(same(lit(0), lit(-0))).toBe(false);
    expect(same(x.plus(1), x.minus(1))).toBe(false);
    expect(same(x.at(i), x.at(i.plus(1)))).toBe(false);
    // Σ_k x_k·x_i against Σ_k x_k·x_k: the body's second factor is the free index, not the bound one.
    expect(same(sum('k', 1, n, (k) => x.at(k).times(x.at(i))), sum('k', 1, n, (k) => x.at(k).times(x.at(k))))).toBe(false);
    // x_i − x_j against x_j − x_i as functions of (i, j): the free indices are wired by position.
    const d1 = structuralKey(x.at(i).minus(x.at(j)).node);
    const d2 = structuralKey(x.at(j).minus(x.at(i)).node);
    expect(d1.id).toBe(d2.id);
    expect(d1.free).toEqual(['i', 'j']);
    expect(d2.free).toEqual(['j', 'i']);
  });

  it('the evaluator shares the value of equal structures and keys it by the free indices’ values', () => {
    const values = { x: { shape: [3], data: [1, 2, 4] }, n: { shape: [], data: [3] } };
    const ev = new Evaluator(floatArith, values, { n: 3 });
    const a = sum('k', 1, n, (k) => x.at(k).times(x.at(i)));
    const b = sum('l', 1, n, (l) => x.at(l).times(x.at(j)));
    expect(ev.scalar(a.node, { i: 1 })).toBe(7);
    const work = ev.work;
    expect(ev.scalar(b.node, { j: 1 })).toBe(7);
    expect(ev.work).toBe(work); // computed once
    expect(ev.scalar(b.node, { j: 3 })).toBe(28); // another value of the free index is another entry
    expect(ev.scalar(x.at(i).minus(x.at(j)).node, { i: 1, j: 2 })).toBe(-1);
    expect(ev.scalar(x.at(j).minus(x.at(i)).node, { i: 1, j: 2 })).toBe(1);
  });

  it('an exact literal and its nearest double stay apart in interval arithmetic', () => {
    const ev = new Evaluator(intervalArith, {}, {});
    const tenth = ev.scalar(exact('0.1').node) as Interval;
    const double = ev.scalar(lit(0.1).node) as Interval;
    expect(tenth.lo).toBeLessThan(tenth.hi);
    expect(double.lo).toBe(double.hi);
  });
});
