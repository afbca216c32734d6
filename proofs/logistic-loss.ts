// Lecture 15, "Settings": the logistic loss, its derivative and range, and the useful fact |ℓ'| ≤ ℓ.
import { abs, exp, grad, lit, log, logistic, logisticPrime, neg, param } from '../src/language/builder.js';
import { defineLemma } from '../src/language/lemma.js';
import { realLine as realLineArbitrary } from '../src/domains/scalars.js';
import type { WholeDomainSpec } from '../src/prover/whole-domain-spec.js';
import { logisticLoss } from '../notes/glossary.js';

const z = param('z');

/**
 * z ∈ ℝ: |z| ≤ 5 directly; a tail where both sides tend to the same limit through u = e^(∓z) ∈ (0, 0.007]
 * (0.007 > e^−5, so the pieces overlap), where the sides are rational in u and log(1 + u) and u = 0 is a point.
 */
const realLine = (tails: 'both' | 'upper') =>
  ({
    domain: 'z ∈ ℝ',
    variables: { z: { range: [-Infinity, Infinity], open: 'both' } },
    pieces: [
      tails === 'both' ? { variable: 'z', change: { map: 'log', to: 'u', range: [0, 0.007] } } : { variable: 'z', range: [-Infinity, -5] },
      { variable: 'z', range: [-5, 5] },
      { variable: 'z', change: { map: 'negLog', to: 'u', range: [0, 0.007] } },
    ],
  }) as const satisfies WholeDomainSpec;
// ℓ as the notes define it, log(1 + exp(−z)), differentiated automatically; ℓ and ℓ' elsewhere are the stable library forms.
const derivativeOfDefinition = grad(z, (Z) => log(exp(neg(Z)).plus(1)), "ℓ'(z)");

export default defineLemma({
  id: 'logistic-loss',
  title: "The logistic loss: ℓ'(z) ∈ (−1, 0) and |ℓ'(z)| ≤ ℓ(z)",
  source: 'Lecture 15, Settings: gradient descent with the logistic loss',
  notation: { symbols: { z, ...logisticLoss } },
  accounts: [
    { notes: String.raw`\ell(z) = \log(1 + \exp(-z))`, reason: 'definition of ℓ: derivative-formula differentiates it automatically' },
  ],
  hypotheses: {
    z: {
      arbitrary: realLineArbitrary({ minExponent: -300, maxExponent: 2, boundaries: [5e-324, 1e-300, 1, 745, 999] }),
      domain: 'z ∈ ℝ: either sign, |z| log-uniform over 10^-300..10^3, with 0, subnormals and 745 (where e^−z leaves the doubles); beyond |z| ≈ 10^3 the two sides of |ℓ\'| ≤ ℓ agree to more than 430 digits, past the tool\'s precision',
    },
  },
  wholeDomain: {
    'derivative-formula': realLine('both'),
    'derivative-above': realLine('both'),
    'derivative-below': realLine('both'),
    'useful-fact.1': realLine('both'),
    // Towards −∞, ℓ(z) ≥ 5 > 1 ≥ −ℓ'(z): plain enclosures decide it.
    'useful-fact.2': realLine('upper'),
  },
  proof: [
    {
      id: 'derivative-formula',
      notes: String.raw`\ell'(z) = \frac{-\exp(-z)}{1 + \exp(-z)}`,
      lhs: derivativeOfDefinition,
      relation: '=',
      rhs: neg(exp(neg(z))).over(exp(neg(z)).plus(1)),
      why: 'chain rule on ℓ(z) = log(1 + exp(−z))',
    },
    {
      id: 'derivative-above',
      notes: String.raw`\ell'(z) = \frac{-\exp(-z)}{1 + \exp(-z)} \in (-1, 0)`,
      lhs: logisticPrime(z),
      relation: '>',
      rhs: neg(1),
      why: "ℓ'(z) = −1/(1 + e^z) and e^z > 0",
      handTranscribed: "'∈ (−1, 0)' is two comparisons; this step checks the lower one, ℓ'(z) > −1",
    },
    {
      id: 'derivative-below',
      notes: String.raw`\ell'(z) = \frac{-\exp(-z)}{1 + \exp(-z)} \in (-1, 0)`,
      lhs: logisticPrime(z),
      relation: '<',
      rhs: lit(0),
      why: 'exp(−z) > 0',
      handTranscribed: "'∈ (−1, 0)' is two comparisons; this step checks the upper one, ℓ'(z) < 0",
    },
    {
      id: 'useful-fact',
      notes: String.raw`|\ell'(z)| = -\ell'(z) \leq \ell(z)`,
      start: abs(logisticPrime(z)),
      links: [
        { relation: '=', expr: neg(logisticPrime(z)), why: "ℓ'(z) < 0", notes: String.raw`|\ell'(z)| = -\ell'(z)` },
        { relation: '≤', expr: logistic(z), why: 'u/(1 + u) ≤ log(1 + u) for u = e^−z > 0', notes: String.raw`-\ell'(z) \leq \ell(z)` },
      ],
    },
  ],
});
