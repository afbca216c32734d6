import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact, exp, grad, index, lit, log, logistic, logisticPrime, max, maxOver, min, neg, param, rows, sqr, sum, type E } from '../../src/language/builder.js';
import { sumMinusLargest } from '../../src/models/margin-functions.js';
import { branchAndBound, type SearchResult } from '../../src/prover/branch-and-bound.js';
import type { Variable } from '../../src/prover/box.js';
import { proveStep } from '../../src/prover/prove-step.js';
import { defineLemma } from '../../src/language/lemma.js';
import type { WholeDomainSpec } from '../../src/prover/whole-domain-spec.js';
import { fromDouble, rational, addQ, mulQ, signQ, type Rational } from '../../src/prover/rational.js';
import { fuzz } from '../fuzz.js';

const x = param('x');
const V = (name: string, lo: number, hi: number, openLo = false, openHi = false): Variable => ({ name, lo, hi, openLo, openHi });
const prove = (lhs: E, relation: '≤' | '<' | '≥' | '>', rhs: E, variables: Variable[], budget = 4000): SearchResult =>
  branchAndBound({ lhs: lhs.node, relation, rhs: rhs.node }, variables, undefined, budget);

/** A one-step lemma, to run the prover on a declared whole domain (pieces, changes of variable, algebra). */
function single(lhs: E, relation: '=' | '≤' | '<' | '≥' | '>', rhs: E, spec: WholeDomainSpec) {
  const lemma = defineLemma({
    id: 'probe',
    title: 'probe',
    source: 'test',
    hypotheses: {},
    proof: [{ id: 's', notes: 's', lhs, relation, rhs, why: 'test' }],
    wholeDomain: { s: spec },
  });
  return proveStep(lemma.checks[0], spec);
}

describe('the prover never proves a false statement', () => {
  it('false on a sliver of width 1e-12: (x − 3/10)² ≥ (5·10⁻¹³)² on [0, 1]', () => {
    const r = prove(sqr(x.minus(exact('3/10'))), '≥', sqr(exact('5e-13')), [V('x', 0, 1)]);
    expect(r.kind).not.toBe('proved');
  });

  it('false at a single point that is not a double: (x − 1/3)² > 0 on [0, 1]', () => {
    const r = prove(sqr(x.minus(exact('1/3'))), '>', lit(0), [V('x', 0, 1)], 2000);
    expect(r.kind).not.toBe('proved');
  });

  it('false at a single double: x² > 0 on [−1, 1] is refuted at x = 0', () => {
    const r = prove(sqr(x), '>', lit(0), [V('x', -1, 1)]);
    expect(r.kind).toBe('refuted');
    if (r.kind === 'refuted') expect(r.point.x).toBe(0);
  });

  it('false in the far tail: e^−x > 10^−300 on x ≥ 0', () => {
    const r = prove(exp(neg(x)), '>', exact('1e-300'), [V('x', 0, Infinity)]);
    expect(r.kind).toBe('refuted');
    if (r.kind === 'refuted') expect(r.point.x).toBeGreaterThan(690);
  });

  it('false only for z > 45 where both sides agree to 20 digits: −ℓ′(z) ≤ (1 − 10⁻²⁰)·ℓ(z) for z ∈ ℝ', () => {
    const z = param('z');
    const spec: WholeDomainSpec = {
      domain: 'z ∈ ℝ',
      variables: { z: { range: [-Infinity, Infinity], open: 'both' } },
      pieces: [{ variable: 'z', range: [-Infinity, 5] }, { variable: 'z', change: { map: 'negLog', to: 'u', range: [0, 0.007] } }],
    };
    const r = single(neg(logisticPrime(z)), '≤', lit(1).minus(exact('1e-20')).times(logistic(z)), spec);
    expect(r.verdict).not.toBe('proved');
    // The true statement with the same pieces is proved.
    expect(single(neg(logisticPrime(z)), '≤', logistic(z), spec).verdict).toBe('proved');
  });

  it('an open end is not a licence: x > 0 on [0, 1] is refuted, on (0, 1] proved', () => {
    expect(prove(x, '>', lit(0), [V('x', 0, 1)]).kind).not.toBe('proved');
    expect(prove(x, '>', lit(0), [V('x', 0, 1, true)]).kind).toBe('proved');
  });

  it('a budget that runs out is partial, never proved', () => {
    // x² − 2x/3 + 1/9 = (x − 1/3)² ≥ 0, expanded so that enclosures overestimate: three boxes cannot settle it.
    const r = prove(sqr(x).minus(x.times(exact('2/3'))).plus(exact('1/9')), '≥', lit(0), [V('x', 0, 1)], 3);
    expect(r.kind).toBe('partial');
  });

  it('exact algebra proves identities and rejects near-identities', () => {
    const a = param('a');
    const b = param('b');
    const positive: WholeDomainSpec = { domain: 'a, b > 0', variables: { a: { range: [0, Infinity], open: 'lo' }, b: { range: [0, Infinity], open: 'lo' } } };
    expect(single(log(a.times(b)), '=', log(a).plus(log(b)), positive).verdict).toBe('proved');
    expect(single(log(a.plus(b)), '=', log(a).plus(log(b)), positive).verdict).not.toBe('proved');
    expect(single(sqr(a.plus(b)), '=', sqr(a).plus(sqr(b)).plus(a.times(b).times(2)), positive).verdict).toBe('proved');
    expect(single(sqr(a.plus(b)), '=', sqr(a).plus(sqr(b)).plus(a.times(b).times(exact('2.0000000001'))), positive).verdict).not.toBe('proved');
    // Derivatives: the right one is an identity, a wrong sign is not.
    const z = param('z');
    const line: WholeDomainSpec = { domain: 'z ∈ ℝ', variables: { z: { range: [-Infinity, Infinity], open: 'both' } } };
    const derivative = grad(z, (Z) => log(exp(neg(Z)).plus(1)));
    expect(single(derivative, '=', neg(exp(neg(z))).over(exp(neg(z)).plus(1)), line).verdict).toBe('proved');
    expect(single(derivative, '=', exp(neg(z)).over(exp(neg(z)).plus(1)), line).verdict).not.toBe('proved');
    // log(ab) = log a + log b needs a, b > 0: over all reals it is not an identity the algebra may use.
    const reals: WholeDomainSpec = { domain: 'a, b ∈ ℝ', variables: { a: { range: [-Infinity, Infinity] }, b: { range: [-Infinity, Infinity] } } };
    expect(single(log(a.times(b)), '=', log(a).plus(log(b)), reals).verdict).not.toBe('proved');
  });
});

describe('the rules added for integrals and Σ − max do not prove false statements', () => {
  const c = param('c');
  const positive: WholeDomainSpec = { domain: 'c ∈ [0, 2]', variables: { c: { range: [0, 2] } } };
  it('min{c, 1} = c only where c ≤ 1 is proved: on [0, 1] an identity, on [0, 2] not', () => {
    expect(single(min(c, 1), '=', c, { domain: 'c ∈ [0, 1]', variables: { c: { range: [0, 1] } } }).verdict).toBe('proved');
    expect(single(min(c, 1), '=', c, positive).verdict).not.toBe('proved');
    expect(single(max(c, 1), '=', c, positive).verdict).not.toBe('proved');
    // A side condition false on a sliver of width 2·10⁻¹²: c ≤ c + (c − 1/3)² − 10⁻²⁴ fails near 1/3, so min{…} = c is no identity.
    const sliver = c.plus(sqr(c.minus(exact('1/3')))).minus(exact('1e-24'));
    expect(single(min(c, sliver), '=', c, { domain: 'c ∈ [0, 1]', variables: { c: { range: [0, 1] } } }).verdict).not.toBe('proved');
    // With a margin instead of the sliver it is one.
    expect(single(min(c, c.plus(sqr(c.minus(exact('1/3')))).plus(exact('1e-6'))), '=', c, { domain: 'c ∈ [0, 1]', variables: { c: { range: [0, 1] } } }).verdict).toBe('proved');
  });

  it('a closed form that does not vanish at the lower end is not shown to be the integral', () => {
    const t = param('t');
    const spec = (F: E): WholeDomainSpec => ({ domain: 't > 0', variables: { t: { range: [0, Infinity], open: 'lo' } }, integral: { closedForm: F, reads: 'test' } });
    const F = t.times(t);
    expect(single(grad(t, (T) => T.times(T)), '=', t.times(2), spec(F)).verdict).toBe('proved');
    expect(single(grad(t, (T) => T.times(T).plus(1)), '=', t.times(2), spec(F.plus(1))).verdict).not.toBe('proved');
    expect(single(grad(t, (T) => T.times(T)), '=', t.times(3), spec(F)).verdict).not.toBe('proved');
  });

  it('Σ − max ≥ 0 needs every term ≥ 0: with terms z ∈ ℝ it is refuted, with terms e^{−z} proved, the strict form never', () => {
    const z = param('z');
    const n = param('n');
    const terms = (body: (i: E) => E) => sumMinusLargest(rows('i', 1, n, body), 'Σ − max');
    const zi = param('zi').at(index('i'));
    const spec: WholeDomainSpec = { domain: 'z ∈ ℝ', variables: { z: { range: [-Infinity, Infinity], open: 'both' } }, abstract: [{ expr: zi, as: z, premise: 'test' }] };
    expect(single(terms(() => zi), '≥', lit(0), spec).verdict).not.toBe('proved');
    expect(single(terms(() => exp(neg(zi))), '≥', lit(0), spec).verdict).toBe('proved');
    expect(single(terms(() => exp(neg(zi))), '>', lit(0), spec).verdict).not.toBe('proved');
    // As the notes write it, Σ_i a_i ≥ max_i a_i: the same rule, the same answers; a max over another range is not matched.
    const z2 = (i: E) => param('zi').at(i);
    expect(single(sum('i', 1, n, z2), '≥', maxOver('i', 1, n, z2), spec).verdict).not.toBe('proved');
    expect(single(sum('i', 1, n, (i) => exp(neg(z2(i)))), '≥', maxOver('i', 1, n, (i) => exp(neg(z2(i)))), spec).verdict).toBe('proved');
    expect(single(sum('i', 1, n, (i) => exp(neg(z2(i)))), '≥', maxOver('i', 1, n.plus(1), (i) => exp(neg(z2(i)))), spec).verdict).not.toBe('proved');
  });
});

/** p(x) = Σ a_k x^k exactly, at a rational point. */
function evalExact(coefficients: number[], at: Rational): Rational {
  let out = rational(0n);
  for (let k = coefficients.length - 1; k >= 0; k--) out = addQ(mulQ(out, at), rational(BigInt(coefficients[k])));
  return out;
}

describe('random polynomial inequalities against exact rational arithmetic', () => {
  it('a proved p(x) ≥ 0 holds exactly at 2001 rationals of [−2, 2]; a refuted one fails exactly at its point', () => {
    let proved = 0;
    let refuted = 0;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 30 }), (coefficients, shift) => {
        const c = [...coefficients];
        c[0] += shift; // lifts some of them above 0
        const p = c.reduce<E>((acc, a, k) => acc.plus(lit(a).times(x.pow(k))), lit(0));
        const r = prove(p, '≥', lit(0), [V('x', -2, 2)], 1500);
        if (r.kind === 'proved') {
          proved++;
          for (let j = 0; j <= 2000; j++) expect(signQ(evalExact(c, rational(BigInt(j - 1000), 500n)))).toBeGreaterThanOrEqual(0);
        }
        if (r.kind === 'refuted') {
          refuted++;
          expect(signQ(evalExact(c, fromDouble(r.point.x)))).toBeLessThan(0);
        }
      }),
      fuzz(120, 7),
    );
    expect(proved).toBeGreaterThan(10);
    expect(refuted).toBeGreaterThan(10);
  });
});
