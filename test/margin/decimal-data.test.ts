/**
 * A user's data set is the decimals written, not their nearest doubles: {"X":[[0.6,0.8],[0.6,-0.8]]}
 * lies on the unit sphere (its doubles lie 4.4e−17 outside), γ̄ = 0.6 exactly, and every enclosure
 * the margin lemmas bind contains the true value for the decimal data: γ̄ and ū from the exact
 * min-norm face on the decimals, the flow w(t) and its path length from the flow on the doubles
 * widened by the data-perturbation bound (closed forms below, computed at 50 digits).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decimalArith } from '../../src/arithmetic/decimal-arith.js';
import { decimalFromDouble } from '../../src/arithmetic/exact.js';
import { intervalArith as I } from '../../src/arithmetic/interval-arith.js';
import { readInstanceFile } from '../../src/io/instance-file.js';
import { decimalsOf } from '../../src/language/decimal-rows.js';
import { fromPlain } from '../../src/language/value.js';
import { decimalOffset } from '../../src/models/dataset.js';
import { flowAt, maxMarginOf, withFlowRun } from '../../src/models/flow-setup.js';
import { scaledDecimalFlow } from '../../src/models/scaled-flow.js';
import { validatedGradientFlow } from '../../src/trajectories/gradient-flow.js';
import { certifiedMaxMargin } from '../../src/trajectories/max-margin.js';
import { D, contains, describeMiss } from './margin-reference.js';

const dir = mkdtempSync(join(tmpdir(), 'lemmacheck-decimals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const read = (text: string) => {
  const path = join(dir, 'data.json');
  writeFileSync(path, text);
  return readInstanceFile(path);
};
const atMost = (x: number, decimal: string): boolean => decimalFromDouble(x).lte(decimal);
const atLeast = (x: number, decimal: string): boolean => decimalFromDouble(x).gte(decimal);

describe('decimal data sets', () => {
  const twoPoints = () => read('{"X":[[0.6,0.8],[0.6,-0.8]],"y":[1,1]}');

  it('reads 0.6 and 0.8 as the decimals written: on the unit sphere, kept beside their doubles', () => {
    const data = twoPoints();
    expect(data.X).toEqual([[0.6, 0.8], [0.6, -0.8]]);
    expect(data.X.map((row) => decimalsOf(row))).toEqual([['0.6', '0.8'], ['0.6', '-0.8']]);
    expect(read('{"X":[[0.6,0.8]],"y":[1]}').X).toEqual([[0.6, 0.8]]);
    // Doubles written as such stay plain doubles.
    expect(decimalsOf(read('{"X":[[0.5,-0.25],[1,0]],"y":[1,-1]}').X[0])).toBeUndefined();
    expect(decimalOffset(twoPoints())).toBeGreaterThan(0);
    expect(decimalOffset(twoPoints())).toBeLessThan(2e-16); // within an ulp of 0.8
  });

  it('names a point outside the ball with its exact excess', () => {
    expect(() => read('{"X":[[0.6,0.8000000000000001]],"y":[1]}')).toThrow('‖X[0]‖ > 1: ‖X[0]‖² − 1 = 1.6000000000000001e-16 exactly');
    expect(() => read('{"X":[[0.999999,1e-6]],"y":[1]}')).not.toThrow();
    expect(() => read('{"X":[[1e-2000]],"y":[1]}')).toThrow(/X\[0\]\[0\] is not a finite double .*exponents up to ±1100/);
  });

  it('binds the decimals exactly in every arithmetic', () => {
    const { X } = twoPoints();
    const D60 = decimalArith(60);
    const bound = fromPlain(D60, X);
    const [lo, hi] = D60.format(bound.data[0]);
    expect(lo).toBe('0.6');
    expect(hi).toBe('0.6');
    const box = fromPlain(I, X).data[1];
    expect(atMost(box.lo, '0.8') && atLeast(box.hi, '0.8')).toBe(true);
  });

  it('γ̄ = 0.6 lies in its enclosure, which is at most 1e−12 wide; ū = (1, 0)', () => {
    const enclosure = maxMarginOf(twoPoints());
    expect(atMost(enclosure.gamma.lo, '0.6') && atLeast(enclosure.gamma.hi, '0.6')).toBe(true);
    expect(enclosure.gamma.hi - enclosure.gamma.lo).toBeLessThanOrEqual(1e-12);
    expect(enclosure.direction[0][0]).toBeLessThanOrEqual(1);
    expect(enclosure.direction[0][1]).toBeGreaterThanOrEqual(1);
    expect(enclosure.direction[1][0]).toBeLessThanOrEqual(0);
    expect(enclosure.direction[1][1]).toBeGreaterThanOrEqual(0);
    // The tiny margin: γ̄ = 1e−6 exactly.
    const tiny = maxMarginOf(read('{"X":[[0.999999,1e-6],[-0.999999,1e-6]],"y":[1,1]}'));
    expect(atMost(tiny.gamma.lo, '1e-6') && atLeast(tiny.gamma.hi, '1e-6')).toBe(true);
    expect((tiny.gamma.hi - tiny.gamma.lo) / 1e-6).toBeLessThan(1e-12);
  });

  it('decides non-separability on the decimals', () => {
    expect(certifiedMaxMargin(read('{"X":[[0.6,0.8],[-0.6,-0.8]],"y":[1,1]}')).kind).toBe('non-separable');
  });

  it('encloses the flow on the decimals: w(t) = (log(1 + 0.72t)/0.6, 0) and the tiny margin’s (0, 10⁶ log(1 + 2·10⁻¹²t))', () => {
    const cases = [
      { data: twoPoints(), w: (t: number) => [D.ln(D(0.72).times(D(t)).plus(1)).div('0.6'), D(0)] },
      { data: read('{"X":[[0.999999,1e-6],[-0.999999,1e-6]],"y":[1,1]}'), w: (t: number) => [D(0), D.ln(D('2e-12').times(D(t)).plus(1)).times('1e6')] },
    ];
    for (const { data, w } of cases) {
      for (const t of [1e-3, 1, 1e3, 1e6]) {
        const flow = flowAt(data, t);
        const exact = w(t);
        flow.w.forEach((box, j) => expect(contains(box, exact[j]), describeMiss(`w[${j}] at t=${t}`, box, exact[j])).toBe(true));
        // The path is a straight line from 0: its length is ‖w(t)‖.
        const length = exact[0].abs().plus(exact[1].abs());
        expect(contains(flow.pathLength, length), describeMiss(`path length at t=${t}`, flow.pathLength, length)).toBe(true);
        expect(flow.radius / Math.max(flow.norm.lo, 1e-300)).toBeLessThan(1e-8);
      }
    }
  });
});

describe('one flow run through many times (rate grids) on decimal data', () => {
  it('answers flowAt with widened enclosures that contain the exact flow', () => {
    const data = read('{"X":[[0.6,0.8],[0.6,-0.8]],"y":[1,1]}');
    const times = [0.5, 10, 1000];
    const doubles = validatedGradientFlow({ X: data.X.map((r) => r.slice()), y: data.y }, times).points;
    withFlowRun(data, times, (run) => {
      expect(run.points.map((p) => p.t)).toEqual(times);
      times.forEach((t, k) => {
        const flow = flowAt(data, t);
        expect(flow).toBe(run.points[k]);
        expect(flow).not.toEqual(doubles[k]); // the decimals' flow (rescaled from (6, ±8)), not the doubles'
        const exact = D.ln(D(0.72).times(D(t)).plus(1)).div('0.6');
        expect(contains(flow.w[0], exact), describeMiss(`w[0] at t=${t}`, flow.w[0], exact)).toBe(true);
        expect(contains(flow.pathLength, exact)).toBe(true);
      });
    });
  });

  it('integrates once for every caller with the same data, times and step limit (the rate steps of a lemma)', () => {
    const data = read('{"X":[[0.6,0.8],[0.6,-0.8]],"y":[1,1]}');
    const first = withFlowRun(data, [1, 10, 100], (run) => run);
    // The same data read again (other arrays, same values), the same times: the same run.
    expect(withFlowRun(read('{"X":[[0.6,0.8],[0.6,-0.8]],"y":[1,1]}'), [1, 10, 100], (run) => run)).toBe(first);
    expect(withFlowRun(data, [1, 10, 1000], (run) => run)).not.toBe(first);
    expect(withFlowRun(data, [1, 10, 100], (run) => run, { maxSteps: 5 })).not.toBe(first);
    expect(withFlowRun(read('{"X":[[0.6,0.8],[0.6,-0.7]],"y":[1,1]}'), [1, 10, 100], (run) => run)).not.toBe(first);
    // Other decimals with the same nearest doubles are other data.
    expect(withFlowRun(read('{"X":[[0.6,0.8],[0.5999999999999999999,-0.8]],"y":[1,1]}'), [1, 10, 100], (run) => run)).not.toBe(first);
  });
});

describe('long decimals: the flow on the doubles, widened by the perturbation bound', () => {
  it('one point z = 0.12345678901234567 (17 digits, not an integer double times 10^−k): w(t) = log(1 + z²t)/z', () => {
    const data = read('{"X":[[0.12345678901234567]],"y":[1]}');
    const z = D('0.12345678901234567');
    for (const t of [1e-3, 1, 1e3, 1e6]) {
      const flow = flowAt(data, t);
      const exact = D.ln(z.times(z).times(D(t)).plus(1)).div(z);
      expect(contains(flow.w[0], exact), describeMiss(`w at t=${t}`, flow.w[0], exact)).toBe(true);
      expect(contains(flow.pathLength, exact)).toBe(true);
    }
  });
});

describe('decimal rows survive copies', () => {
  it('a structured clone or JSON copy of an instance (a pass state, a shard report) still binds the decimals', () => {
    const path = join(dir, 'copy.json');
    writeFileSync(path, '{"X":[[0.3,0.4],[0.1,-0.2]],"y":[1,1]}');
    const data = readInstanceFile(path);
    for (const copy of [structuredClone(data), JSON.parse(JSON.stringify(data)) as typeof data]) {
      expect(copy.X[0]).not.toBe(data.X[0]);
      expect(decimalsOf(copy.X[0])).toEqual(['0.3', '0.4']);
      expect(decimalOffset(copy)).toBeGreaterThan(0);
    }
  });
});

describe('long decimals: the flow on the doubles, widened', () => {
  // 20 significant digits: no common scale makes them integers below 2^53, so the flow is not a rescaled one
  // (scaled-flow.ts) but the doubles' flow widened by the perturbation bound, accumulated over the checkpoints below t.
  const a = '0.61234567890123456789';
  const data = () => read(`{"X":[[${a},0.7],[${a},-0.7]],"y":[1,1]}`);

  it('contains the exact flow w(t) = (log(1 + 2a²t)/a, 0) at times below, at and between the checkpoints 2^k', () => {
    const set = data();
    expect(decimalOffset(set)).toBeGreaterThan(0);
    expect(scaledDecimalFlow(set, [1])).toBeNull();
    for (const t of [1e-7, 2 ** -20, 0.125, 1, 3, 1e3, 1e6]) {
      const flow = flowAt(set, t);
      const exact = D.ln(D(a).pow(2).times(2).times(D(t)).plus(1)).div(a);
      expect(contains(flow.w[0], exact), describeMiss(`w[0] at t=${t}`, flow.w[0], exact)).toBe(true);
      expect(contains(flow.w[1], D(0)), describeMiss(`w[1] at t=${t}`, flow.w[1], D(0))).toBe(true);
      expect(contains(flow.pathLength, exact), describeMiss(`path length at t=${t}`, flow.pathLength, exact)).toBe(true);
      // The widening is of the order of the data's offset from their doubles (~1e−17), not of the flow.
      expect(flow.radius / Math.max(flow.norm.lo, 1e-300)).toBeLessThan(1e-8);
    }
  });
});
