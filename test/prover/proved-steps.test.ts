import { describe, expect, it } from 'vitest';
import { ladder } from '../../src/checker/instance-context.js';
import { DEFAULT_DIGITS } from '../../src/checker/options.js';
import type { Arith } from '../../src/arithmetic/arith.js';
import { Evaluator } from '../../src/language/evaluate.js';
import { scalar } from '../../src/language/value.js';
import type { Check, Lemma } from '../../src/language/lemma.js';
import type { WholeDomainSpec } from '../../src/prover/whole-domain-spec.js';
import { proveStep, pieceSetups, reducePiece } from '../../src/prover/prove-step.js';
import { branchAndBound } from '../../src/prover/branch-and-bound.js';
import { paramsOf } from '../../src/prover/expr-key.js';
import { compare } from '../../src/checker/compare.js';
import { UniformStream } from '../../src/domains/uniform-stream.js';
import { fuzzParameters } from '../fuzz.js';
import lemma91 from '../../proofs/logistic-loss.js';
import lemma94 from '../../proofs/lemma-9.4.js';
import lemma101 from '../../proofs/lemma-10.1.js';
import thm101 from '../../proofs/thm-10.1.js';
import prop101 from '../../proofs/prop-10.1.js';
import margins from '../../proofs/margins.js';

/** Points per proved step (LEMMACHECK_FUZZ_RUNS sets it, like every property count). */
const { numRuns: POINTS, seed: SEED } = fuzzParameters(10_000, 20261128);

/**
 * The largest magnitude sampled on unbounded ranges, 10^12, except where a certified point evaluation
 * cannot exist: ℓ′(z) + 1 = 1/(1 + e^{−z}) is below 10^−450 for z < −1040, beyond every decimal precision
 * of the checker (the prover covers those tails by its change of variable, not pointwise).
 */
const MAX_EXPONENT: Record<string, number> = { 'logistic-loss': 3 };

/** A random point of a variable's range: log-uniform magnitudes over 10^−12..10^max for unbounded ranges, and sometimes an end. */
function sample(random: () => number, lo: number, hi: number, maxExponent = 12): number {
  const magnitude = (): number => 10 ** (-12 + (12 + maxExponent) * random());
  if (lo === -Infinity && hi === Infinity) return (random() < 0.5 ? -1 : 1) * magnitude();
  if (hi === Infinity) return lo + (lo > 0 ? lo : 1) * magnitude();
  if (lo === -Infinity) return hi - magnitude();
  // A bounded range: uniform, or log-uniform towards an end at 0 (γ̄ ∈ (0, 1] near 0 matters).
  if (lo === 0 && random() < 0.5) return hi * 10 ** (-12 * random());
  const x = lo + (hi - lo) * random();
  return x === lo ? hi : x;
}

/** The step's own relation with its parameters given as enclosures, certified: the checker's ladder (float intervals, then decimals up to 450 digits). */
const LEVELS = ladder(DEFAULT_DIGITS).map((level) => level.arith as Arith<unknown>);
function verdictAt(check: Check, values: (A: Arith<unknown>) => Record<string, unknown>, ints: Record<string, number>): string {
  let last = 'inconclusive';
  for (const A of LEVELS) {
    try {
      const ev = new Evaluator(A, Object.fromEntries(Object.entries(values(A)).map(([k, v]) => [k, scalar(v)])), ints);
      last = compare(A, check.relation, ev.scalar(check.lhs), ev.scalar(check.rhs), check.tolerance).verdict;
    } catch (err) {
      last = `error: ${(err as Error).message}`;
    }
    if (last === 'held' || last === 'refuted') return last;
  }
  return last;
}

/**
 * Which way a proved step is evaluated at random points:
 * - its own expressions, where they read only the domain's variables (through the declared substitutions);
 * - the reduced goal (the step rewritten exactly into the variables), for steps over data with abstractions;
 * - not at all, for identities over every data set (the checker evaluates them at its instances).
 */
function mode(check: Check, spec: WholeDomainSpec): 'own' | 'reduced' | 'data' {
  const known = new Set([...Object.keys(spec.variables), ...Object.keys(spec.substitute ?? {})]);
  const reads = [...paramsOf(check.lhs), ...paramsOf(check.rhs)];
  if (!spec.abstract && reads.length > 0 && reads.every((p) => known.has(p))) return 'own';
  if (spec.abstract && check.relation !== '=') return 'reduced';
  return 'data';
}

describe('every proved step holds at 10^4 random points of its domain (certified pointwise)', () => {
  const lemmas: Lemma[] = [lemma91, lemma94, lemma101, thm101, prop101, margins];
  for (const lemma of lemmas) {
    for (const [id, spec] of Object.entries(lemma.wholeDomain)) {
      if (spec.expectFailure) continue;
      const check = lemma.checks.find((c) => c.id === id)!;
      const how = mode(check, spec);
      it(`${lemma.id} ${id} (${how === 'data' ? 'identity over data: proved only' : `${POINTS} points, ${how === 'own' ? "the step's own sides" : 'the reduced goal'}`})`, () => {
        expect(proveStep(check, spec).verdict).toBe('proved');
        const stream = new UniformStream(SEED);
        const random = () => stream.unit();
        if (how === 'own') {
          const names = Object.keys(spec.variables);
          for (let k = 0; k < POINTS; k++) {
            const point = Object.fromEntries(names.map((name) => [name, sample(random, spec.variables[name].range[0], spec.variables[name].range[1], MAX_EXPONENT[lemma.id])]));
            // n is an integer where the step counts terms (Σ_{i=1}^n): log-uniform in 1..200, given to the evaluator as both.
            if ('n' in point) point.n = Math.round(200 ** random()) || 1;
            const ints: Record<string, number> = 'n' in point ? { n: point.n } : {};
            const values = (A: Arith<unknown>): Record<string, unknown> => {
              const base = Object.fromEntries(Object.entries(point).map(([name, x]) => [name, A.num(x)]));
              const ev = new Evaluator(A, Object.fromEntries(Object.entries(base).map(([name, x]) => [name, scalar(x)])), ints);
              // Substituted parameters (t = c/(2nγ̄²)) as the enclosures of their expressions at the point.
              for (const [name, e] of Object.entries(spec.substitute ?? {})) base[name] = ev.scalar(e.node);
              return base;
            };
            expect(verdictAt(check, values, ints), JSON.stringify(point)).toBe('held');
          }
          return;
        }
        if (how === 'data') return;
        const setups = pieceSetups(spec, check.relation);
        if (typeof setups === 'string') throw new Error(setups);
        const r = reducePiece(check, setups[0]);
        expect(r.kind).toBe('goal');
        if (r.kind !== 'goal') return;
        for (let k = 0; k < POINTS; k++) {
          const point = setups[0].variables.map((v) => sample(random, v.lo, v.hi));
          const box = point.map((p) => [p, p] as const);
          expect(branchAndBound(r.goal, setups[0].variables, box, 1).kind, JSON.stringify(point)).toBe('proved');
        }
      });
    }
  }
});
