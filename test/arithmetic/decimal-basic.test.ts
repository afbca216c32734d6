import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { decimalArith, type DecimalArith } from '../../src/arithmetic/decimal-arith.js';
import type { DecimalInterval } from '../../src/arithmetic/decimal-interval.js';
import { decimalFromDouble } from '../../src/arithmetic/exact.js';
import {
  PRECISIONS,
  type UnaryCase,
  decimalPoint,
  describeUnary,
  expectContains,
  expectSubset,
  finiteDouble,
  nearest,
  nestedIntervals,
  nonNegativeDouble,
  positiveDouble,
  printWorstWidths,
  recordWidth,
  referenceDigits,
  runsAt,
  sameSign,
  widthInUlps,
} from './decimal-reference.js';
import { fuzz } from '../fuzz.js';

/** Cases per operation over all precisions and properties. */
const RUNS = 10_000;
const SEED = 7_301;

interface BinaryCase {
  name: string;
  apply: (A: DecimalArith, x: DecimalInterval, y: DecimalInterval) => DecimalInterval;
  reference: (x: Decimal, y: Decimal, R: number) => Decimal;
  /** Divisors exclude 0. */
  divisor?: boolean;
}

const binaryCases: BinaryCase[] = [
  { name: 'add', apply: (A, x, y) => A.add(x, y), reference: (x, y, R) => nearest(R).add(x, y) },
  { name: 'sub', apply: (A, x, y) => A.sub(x, y), reference: (x, y, R) => nearest(R).sub(x, y) },
  { name: 'mul', apply: (A, x, y) => A.mul(x, y), reference: (x, y, R) => nearest(R).mul(x, y) },
  { name: 'div', apply: (A, x, y) => A.div(x, y), reference: (x, y, R) => nearest(R).div(x, y), divisor: true },
  { name: 'min', apply: (A, x, y) => A.min(x, y), reference: (x, y) => (x.lt(y) ? x : y) },
  { name: 'max', apply: (A, x, y) => A.max(x, y), reference: (x, y) => (x.gt(y) ? x : y) },
];

const anyPoint = (digits: number) => decimalPoint(digits, -40, 40);
const positivePoint = (digits: number) => decimalPoint(digits, -40, 40, 'positive');
const POWERS = [-7, -4, -3, -2, -1, 2, 3, 4, 5, 8, 9];
const ZERO = new Decimal(0);

const unaryCases: UnaryCase[] = [
  { name: 'neg', domain: finiteDouble, points: anyPoint, apply: (A, x) => A.neg(x), reference: (x) => x.neg(), maxUlps: 0, runs: RUNS },
  { name: 'abs', domain: finiteDouble, points: anyPoint, apply: (A, x) => A.abs(x), reference: (x) => x.abs(), maxUlps: 0, runs: RUNS },
  { name: 'relu', domain: finiteDouble, points: anyPoint, apply: (A, x) => A.relu(x), reference: (x) => (x.gt(0) ? x : ZERO), maxUlps: 0, runs: RUNS },
  { name: 'sqr', domain: finiteDouble, points: anyPoint, apply: (A, x) => A.sqr(x), reference: (x, R) => nearest(R).mul(x, x), maxUlps: 1, runs: RUNS },
  { name: 'sqrt', domain: nonNegativeDouble, points: positivePoint, apply: (A, x) => A.sqrt(x), reference: (x, R) => nearest(R).sqrt(x), maxUlps: 1, runs: RUNS },
  // powInt shares one operation's budget among its exponents.
  ...POWERS.map(
    (n): UnaryCase => ({
      name: `powInt(${n})`,
      domain: n < 0 ? finiteDouble.filter((x) => x !== 0) : finiteDouble,
      points: anyPoint,
      apply: (A, x) => A.powInt(x, n),
      reference: (x, R) => nearest(R).pow(x, n),
      maxUlps: n < 0 ? 2 : 1,
      runs: Math.round(RUNS / POWERS.length),
      avoidZero: n < 0,
    }),
  ),
];

const show = (parts: Record<string, unknown>) => () => JSON.stringify(parts);

describe.each(PRECISIONS)('decimal intervals at %i digits: basic operations', (digits) => {
  const A = decimalArith(digits);
  const R = referenceDigits(digits);
  const numRuns = Math.max(1, Math.round(runsAt(digits, RUNS) / 3));

  describe.each(binaryCases)('$name', ({ name, apply, reference, divisor }) => {
    const second = divisor ? finiteDouble.filter((y) => y !== 0) : finiteDouble;

    it('encloses the exact result for doubles across the whole range', () => {
      fc.assert(
        fc.property(finiteDouble, second, (x, y) => {
          const result = apply(A, A.num(x), A.num(y));
          expectContains(result, reference(decimalFromDouble(x), decimalFromDouble(y), R), show({ name, digits, x, y }));
        }),
        fuzz(numRuns, SEED),
      );
    });

    it('is at most 1 ulp wide on exact points', () => {
      fc.assert(
        fc.property(anyPoint(digits), anyPoint(digits), (xs, ys) => {
          const result = apply(A, A.exact(xs), A.exact(ys));
          expectContains(result, reference(new Decimal(xs), new Decimal(ys), R), show({ name, digits, xs, ys }));
          const ulps = widthInUlps(result, digits);
          recordWidth(name, digits, ulps);
          if (ulps > 1) expect.fail(`${name}(${xs}, ${ys}) is ${ulps} ulps wide: ${result.toString()}`);
        }),
        fuzz(numRuns, SEED + 1),
      );
    });

    it('is inclusion isotone and encloses every point of interval arguments', () => {
      const first = nestedIntervals(finiteDouble);
      const other = divisor ? sameSign(nestedIntervals(positiveDouble)) : first;
      fc.assert(
        fc.property(first, other, (x, y) => {
          const outer = apply(A, A.range(x.a, x.b), A.range(y.a, y.b));
          const inner = apply(A, A.range(x.c, x.d), A.range(y.c, y.d));
          expectSubset(inner, outer, show({ name, digits, x, y }));
          expectContains(inner, reference(decimalFromDouble(x.t), decimalFromDouble(y.t), R), show({ name, digits, x, y }));
        }),
        fuzz(numRuns, SEED + 2),
      );
    });
  });

  describeUnary(unaryCases, digits, SEED + 10);
});

afterAll(() => printWorstWidths('decimal basic operations'));
