/**
 * The elementary functions and losses of decimal intervals, against references at 25 more digits. The
 * cases are checked by one test file per precision (decimal-elementary-30/60/120.test.ts): together they
 * are the slowest part of the suite, and as one file they ran last in a fresh clone (the test runner
 * starts the largest files first when it has no timings yet), a single worker busy for a minute and a
 * half while the other one idled.
 */
import { afterAll, describe } from 'vitest';
import fc from 'fast-check';
import {
  type UnaryCase,
  aboveMinusOne,
  decimalPoint,
  describeUnary,
  finiteDouble,
  nearLn2,
  nearest,
  positiveDouble,
  printWorstWidths,
  refExpm1,
  refLog1p,
  refLogistic,
  refLogisticInverse,
  refLogisticPrime,
} from './decimal-reference.js';

/**
 * Cases per function over all precisions and properties: 10^4, as for every
 * operation (decimal-reference.ts's runsAt shares them among the precisions).
 * The references (decimal.js exp and ln at 25 more digits) cost 0.2–2 ms per case.
 */
const RUNS = 10_000;
const SEED = 9_113;

/** Moderate arguments (|x| < 10^4), where exp neither overflows nor underflows the decimal range trivially. */
const moderatePoint = (digits: number) => decimalPoint(digits, -40, 3);
const positivePoint = (digits: number) => decimalPoint(digits, -40, 40, 'positive');
/** Points in (−1, ∞): any magnitude when positive, below 1 when negative. */
const log1pPoint = (digits: number) =>
  fc.oneof(decimalPoint(digits, -40, 40, 'positive'), decimalPoint(digits, -40, -1).map((s) => (s.startsWith('-') ? s : `-${s}`)));

/** `digits`-digit points 0.69…, near the zero of ℓ^(−1) at ln 2. */
const nearLn2Point = (digits: number) =>
  decimalPoint(digits - 2, 0, 0, 'positive').map((s) => `0.69${s.replace('.', '').replace(/e.*$/, '')}`);

const cases: UnaryCase[] = [
  {
    name: 'exp',
    domain: finiteDouble,
    points: moderatePoint,
    apply: (A, x) => A.exp(x),
    reference: (x, R) => nearest(R).exp(x),
    maxUlps: 2,
    runs: RUNS,
  },
  { name: 'expm1', domain: finiteDouble, points: moderatePoint, apply: (A, x) => A.expm1(x), reference: refExpm1, maxUlps: 2, runs: RUNS },
  {
    name: 'log',
    domain: positiveDouble,
    points: positivePoint,
    apply: (A, x) => A.log(x),
    reference: (x, R) => nearest(R).ln(x),
    maxUlps: 2,
    runs: RUNS,
  },
  { name: 'log1p', domain: aboveMinusOne, points: log1pPoint, apply: (A, x) => A.log1p(x), reference: refLog1p, maxUlps: 2, runs: RUNS },
  { name: 'logistic', domain: finiteDouble, points: moderatePoint, apply: (A, x) => A.logistic(x), reference: refLogistic, maxUlps: 2, runs: RUNS },
  {
    name: 'logisticPrime',
    domain: finiteDouble,
    points: moderatePoint,
    apply: (A, x) => A.logisticPrime(x),
    reference: refLogisticPrime,
    maxUlps: 2,
    runs: RUNS,
  },
  {
    name: 'logisticInverse',
    domain: fc.oneof(positiveDouble, nearLn2),
    points: (digits) => fc.oneof(positivePoint(digits), nearLn2Point(digits)),
    apply: (A, x) => A.logisticInverse(x),
    reference: refLogisticInverse,
    maxUlps: 2,
    runs: RUNS,
  },
  {
    name: 'expLoss',
    domain: finiteDouble,
    points: moderatePoint,
    apply: (A, x) => A.expLoss(x),
    reference: (x, R) => nearest(R).exp(x.neg()),
    maxUlps: 2,
    runs: RUNS,
  },
  {
    name: 'expLossInverse',
    domain: positiveDouble,
    points: positivePoint,
    apply: (A, x) => A.expLossInverse(x),
    reference: (x, R) => nearest(R).ln(x).neg(),
    maxUlps: 2,
    runs: RUNS,
  },
];

/** Every case at one precision, as the suite's test titles have always read. */
export function describeElementaryAt(digits: number): void {
  describe(`decimal intervals at ${digits} digits: elementary functions and losses`, () => {
    describeUnary(cases, digits, SEED);
  });
  afterAll(() => printWorstWidths(`decimal elementary functions at ${digits} digits`));
}
