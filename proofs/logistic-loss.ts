// Lecture 15, "Settings": the logistic loss, its derivative and range, and the useful fact |ℓ'| ≤ ℓ.
import { abs, exp, grad, lit, log, logistic, logisticPrime, neg, param } from '../src/language/builder.js';
import { defineLemma } from '../src/language/lemma.js';
import { realLine } from '../src/domains/scalars.js';

const z = param('z');
// ℓ as the notes define it, log(1 + exp(−z)), differentiated automatically; ℓ and ℓ' elsewhere are the stable library forms.
const derivativeOfDefinition = grad(z, (Z) => log(exp(neg(Z)).plus(1)), "ℓ'(z)");

export default defineLemma({
  id: 'logistic-loss',
  title: "The logistic loss: ℓ'(z) ∈ (−1, 0) and |ℓ'(z)| ≤ ℓ(z)",
  source: 'Lecture 15, Settings: gradient descent with the logistic loss',
  hypotheses: {
    z: {
      arbitrary: realLine({ minExponent: -300, maxExponent: 2, boundaries: [5e-324, 1e-300, 1, 745, 999] }),
      domain: 'z ∈ ℝ: either sign, |z| log-uniform over 10^-300..10^3, with 0, subnormals and 745 (where e^−z leaves the doubles); beyond |z| ≈ 10^3 the two sides of |ℓ\'| ≤ ℓ agree to more than 430 digits, past the tool\'s precision',
    },
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
    },
    {
      id: 'derivative-below',
      notes: String.raw`\ell'(z) = \frac{-\exp(-z)}{1 + \exp(-z)} \in (-1, 0)`,
      lhs: logisticPrime(z),
      relation: '<',
      rhs: lit(0),
      why: 'exp(−z) > 0',
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
