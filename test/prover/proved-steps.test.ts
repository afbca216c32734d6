import { describe, expect, it } from 'vitest';
import { decimalArith } from '../../src/arithmetic/decimal-arith.js';
import { intervalArith } from '../../src/arithmetic/interval-arith.js';
import type { Arith } from '../../src/arithmetic/arith.js';
import { Evaluator } from '../../src/language/evaluate.js';
import { scalar } from '../../src/language/value.js';
import type { Lemma } from '../../src/language/lemma.js';
import { proveStep, pieceSetups, reducePiece } from '../../src/prover/prove-step.js';
import { branchAndBound } from '../../src/prover/branch-and-bound.js';
import { compare } from '../../src/checker/compare.js';
import { UniformStream } from '../../src/domains/uniform-stream.js';
import lemma91 from '../../proofs/logistic-loss.js';
import lemma94 from '../../proofs/lemma-9.4.js';
import lemma101 from '../../proofs/lemma-10.1.js';
import thm101 from '../../proofs/thm-10.1.js';
import prop101 from '../../proofs/prop-10.1.js';
import margins from '../../proofs/margins.js';

const POINTS = 10_000;

/** A random point of a variable's range: log-uniform magnitudes over 10^−12..10^12 for unbounded ranges. */
function sample(random: () => number, lo: number, hi: number): number {
  const magnitude = (): number => 10 ** (-12 + 24 * random());
  if (lo === -Infinity && hi === Infinity) return (random() < 0.5 ? -1 : 1) * magnitude();
  if (hi === Infinity) return lo + magnitude();
  if (lo === -Infinity) return hi - magnitude();
  const x = lo + (hi - lo) * random();
  return x === lo ? hi : x;
}

/** The step's own relation at a point, certified: float intervals, then 60-digit decimal intervals. */
function holdsAt(lemma: Lemma, id: string, values: Record<string, number>, ints: Record<string, number>): boolean {
  const check = lemma.checks.find((c) => c.id === id)!;
  for (const A of [intervalArith, decimalArith(60)] as Arith<unknown>[]) {
    const ev = new Evaluator(A, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, scalar(A.num(v))])), ints);
    const c = compare(A, check.relation, ev.scalar(check.lhs), ev.scalar(check.rhs), check.tolerance);
    if (c.verdict === 'refuted') return false;
    if (c.verdict === 'held') return true;
  }
  return true; // undecided at both precisions: not a counterexample (counted below)
}

describe('every proved step holds at 10^4 random points of its domain (certified pointwise)', () => {
  const lemmas = [lemma91, lemma94, lemma101, thm101, prop101, margins];
  for (const lemma of lemmas) {
    for (const [id, spec] of Object.entries(lemma.wholeDomain)) {
      if (spec.expectFailure) continue;
      it(`${lemma.id} ${id}`, () => {
        const check = lemma.checks.find((c) => c.id === id)!;
        expect(proveStep(check, spec).verdict).toBe('proved');
        const stream = new UniformStream(20261128);
        const random = () => stream.unit();
        const direct = !spec.substitute && !spec.abstract && Object.keys(spec.variables).length > 0 && lemma.id === 'logistic-loss';
        if (!direct && !['plug-in.erratum', 'claim-1.4'].includes(id) && !(spec.abstract && check.relation !== '=')) return; // data-level identities: checked on instances by the checker
        if (direct) {
          // The step's own expressions, at points of its own variables.
          for (let k = 0; k < POINTS; k++) {
            const values = Object.fromEntries(Object.entries(spec.variables).map(([name, d]) => [name, sample(random, d.range[0], d.range[1])]));
            expect(holdsAt(lemma, id, values, {}), JSON.stringify(values)).toBe(true);
          }
          return;
        }
        // Reduced steps: the step's own expressions where they read only scalars (t, n, γ̄ from c), else the reduced form.
        const setups = pieceSetups(spec, check.relation);
        if (typeof setups === 'string') throw new Error(setups);
        if (id === 'plug-in.erratum' || id === 'claim-1.4') {
          for (let k = 0; k < POINTS; k++) {
            const c = sample(random, 0, Infinity);
            const n = 1 + Math.floor(random() * 50);
            const gammaBar = sample(random, 0, 1);
            expect(holdsAt(lemma, id, { t: c / (2 * n * gammaBar * gammaBar), gammaBar }, { n })).toBe(true);
          }
          return;
        }
        const r = reducePiece(check, setups[0]);
        expect(r.kind).toBe('goal');
        if (r.kind !== 'goal') return;
        for (let k = 0; k < POINTS; k++) {
          const point = setups[0].variables.map((v) => sample(random, v.lo, v.hi));
          const box = point.map((p) => [p, p] as const);
          const one = branchAndBound(r.goal, setups[0].variables, box, 1);
          expect(one.kind, JSON.stringify(point)).not.toBe('refuted');
        }
      });
    }
  }
});
