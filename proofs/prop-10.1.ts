// Lecture 15, "Infimum not attained": Proposition 10.1 and its proof sketch, for the linear model and the 2-homogeneous ReLU net.
import fc from 'fast-check';
import { index, lit, param, rows, sqrt, sum, type E } from '../src/language/builder.js';
import { defineLemma, type ChainSpec, type CitedCounterexample, type StepSpec } from '../src/language/lemma.js';
import type { WholeDomainSpec } from '../src/prover/whole-domain-spec.js';
import { asSeparableData, netFields, withLowRiskWeights, netFromLinear, netSeparatedDataWithLowRisk, separableDataWithLowRisk } from '../src/domains/separable-data.js';
import { positiveReal } from '../src/domains/scalars.js';
import {
  ell, infimumOfRisk, limsupAsCGrows, linearModel, margin, minMargin, risk, scaled, sumMinusLargest, twoLayerReluNet, weights,
  type HomogeneousModel, type Sample, type Weights,
} from '../src/models/margin-functions.js';
import { limsupAt, marginNotation } from '../notes/glossary.js';

/** Where the tool found each certified counterexample (seed 20261128): the replay path it printed. */
const REPLAY_PATHS: Record<string, string> = {
  'sum-above-max.linear': '2:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0',
  'limit.linear.2': '0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0',
  'sum-above-max.relu': '1:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0',
  'limit.relu.2': '0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0',
};
/** The counterexample an expectation cites: the checker replays it and requires it to still refute. */
const cited = (step: string): CitedCounterexample => ({ seed: 20261128, path: REPLAY_PATHS[step] });

const c = param('c');
/** Limits are compared as enclosures [0, g(C)] with g(C) < 10^−300 (see limsupAsCGrows): equal within this absolute tolerance. */
const LIMIT_TOLERANCE = { abs: 1e-300 };

function proofFor(model: HomogeneousModel, data: Sample, wHat: Weights, tag: string): (StepSpec | ChainSpec)[] {
  const L = model.degree;
  const m = (i: E | number, w: Weights = wHat): E => margin(model, data, i, w);
  const losses = rows('i', 1, data.n, (i) => ell(m(i)));
  const smallest = minMargin(model, data, wHat);
  // C with C^L · min_i m_i(ŵ) = 10^4, so every ℓ(m_i(cŵ)) ≤ e^{−10^4} < 10^−300 for c ≥ C.
  const C = (L === 1 ? lit(1e4).over(smallest) : sqrt(lit(1e4).over(smallest))).as('C');
  const cw = (s: E): Weights => scaled(s, wHat, 'cŵ');
  const infimum = infimumOfRisk(risk(model, data, scaled(C, wHat, 'Cŵ')));
  const notation = marginNotation({ model, data, wHat, limit: limsupAt(C, smallest), forms: { [String.raw`\inf_w \mathcal{L}(w)`]: infimum } });
  const steps: (StepSpec | ChainSpec)[] = [
    {
      id: `homogeneous.${tag}`,
      notes: String.raw`Suppose that $f(x; w)$ is L -homogeneous in w`,
      lhs: m(index('i'), scaled(c, wHat, 'cŵ')),
      relation: '=',
      rhs: c.pow(L).times(m(index('i'))),
      over: { i: [1, data.n] },
      why: `the ${model.name} is ${L}-homogeneous: f(x; cw) = c^${L} f(x; w) for c > 0`,
      handTranscribed: 'prose; checked as m_i(cŵ) = c^L m_i(ŵ) at the sampled c, for every i',
    },
    {
      id: `hypothesis.${tag}`,
      notes: String.raw`\mathcal{L}(\hat{w}) < \ell(0)`,
      lhs: risk(model, data, wHat),
      relation: '<',
      rhs: ell(0),
      why: 'the hypothesis (the instances are generated so, certified)',
    },
    {
      id: `first.${tag}`,
      notes: String.raw`\ell(0) > \mathcal{L}(\hat{w}) = \sum_{i=1}^n \ell(m_i(\hat{w})) > \max_{i \in [n]} \ell(m_i(\hat{w}))`,
      start: ell(0),
      links: [
        { relation: '>', expr: risk(model, data, wHat), why: 'the hypothesis', notes: String.raw`\ell(0) > \mathcal{L}(\hat{w})` },
        { relation: '=', expr: sum('i', 1, data.n, (i) => ell(m(i))), why: 'definition of 𝓛', notes: String.raw`\mathcal{L}(\hat{w}) = \sum_{i=1}^n \ell(m_i(\hat{w}))` },
      ],
    },
    {
      // Σ_i a_i > max_i a_i compared as Σ_i a_i − max_i a_i > 0: for n = 1 both sides are the same real, and no pair of enclosures can show that; the difference is exactly 0.
      id: `sum-above-max.${tag}`,
      notes: String.raw`\sum_{i=1}^n \ell(m_i(\hat{w})) > \max_{i \in [n]} \ell(m_i(\hat{w}))`,
      lhs: sumMinusLargest(losses, 'Σᵢ ℓ(mᵢ(ŵ)) − maxᵢ ℓ(mᵢ(ŵ))'),
      relation: '>',
      rhs: lit(0),
      why: 'every ℓ(m_i(ŵ)) > 0 (compared as the sum minus its largest term)',
      handTranscribed: 'Σ > max is compared as Σ − max > 0, exactly 0 for n = 1, where two enclosures of the same real could never refute it',
      expect: { refuted: `refuted when n = 1, where the sum is its only term (strict for n ≥ 2)`, counterexample: cited(`sum-above-max.${tag}`) },
      erratum: {
        notes: String.raw`\sum_{i=1}^n \ell(m_i(\hat{w})) \geq \max_{i \in [n]} \ell(m_i(\hat{w}))`,
        why: 'every term is ≥ 0; equality when n = 1',
        relation: '≥',
      },
    },
    {
      id: `apply-inverse.${tag}`,
      notes: String.raw`0 < \min_{i \in [n]} m_i(\hat{w})`,
      lhs: lit(0),
      relation: '<',
      rhs: smallest,
      why: 'ℓ⁻¹ is decreasing: ℓ(0) > max_i ℓ(m_i(ŵ)) = ℓ(min_i m_i(ŵ))',
    },
    {
      id: `limit.${tag}`,
      notes: String.raw`\begin{aligned} 0 &\leq \inf_w \mathcal{L}(\hat{w}) \leq \limsup_{c \rightarrow \infty} \mathcal{L}(c\hat{w}) \\ &= \sum_{i=1}^n \limsup_{c \rightarrow \infty} \ell(m_i(c\hat{w})) \\ &= \sum_{i=1}^n \limsup_{c \rightarrow \infty} \ell(c^L m_i(\hat{w})) = 0 \end{aligned}`,
      start: lit(0),
      tolerance: LIMIT_TOLERANCE,
      links: [
        {
          relation: '≤',
          expr: risk(model, data, wHat).as('inf_w 𝓛(ŵ)'),
          why: '𝓛 ≥ 0; as written the infimum is of 𝓛(ŵ), which does not depend on w',
          notes: String.raw`0 &\leq \inf_w \mathcal{L}(\hat{w})`,
        },
        {
          relation: '≤',
          expr: limsupAsCGrows((s) => risk(model, data, cw(s)), C, smallest),
          why: 'the infimum is at most any value of 𝓛',
          notes: String.raw`\inf_w \mathcal{L}(\hat{w}) \leq \limsup_{c \rightarrow \infty} \mathcal{L}(c\hat{w})`,
          expect: { refuted: `typo: inf_w 𝓛(ŵ) = 𝓛(ŵ) > 0 while the lim sup is 0`, counterexample: cited(`limit.${tag}.2`) },
          erratum: {
            notes: String.raw`\inf_w \mathcal{L}(w) \leq \limsup_{c \rightarrow \infty} \mathcal{L}(c\hat{w})`,
            why: 'the infimum over w of 𝓛(w) is at most any value of 𝓛 (enclosed in [0, 𝓛(Cŵ)])',
            lhs: infimum,
          },
        },
        {
          relation: '=',
          expr: sum('i', 1, data.n, (i) => limsupAsCGrows((s) => ell(m(i, cw(s))), C, smallest)),
          why: 'each term has a limit (0), so the lim sup of the sum is the sum of the lim sups',
          notes: String.raw`= \sum_{i=1}^n \limsup_{c \rightarrow \infty} \ell(m_i(c\hat{w}))`,
        },
        {
          relation: '=',
          expr: sum('i', 1, data.n, (i) => limsupAsCGrows((s) => ell(s.pow(L).times(m(i))), C, smallest)),
          why: `homogeneity: m_i(cŵ) = c^${L} m_i(ŵ)`,
          notes: String.raw`= \sum_{i=1}^n \limsup_{c \rightarrow \infty} \ell(c^L m_i(\hat{w}))`,
        },
        { relation: '=', expr: lit(0), why: 'm_i(ŵ) > 0, so c^L m_i(ŵ) → ∞ and ℓ(z) = e^−z → 0', notes: String.raw`= 0` },
      ],
    },
    {
      id: `infimum.${tag}`,
      notes: String.raw`\inf_w \mathcal{L}(w) = 0`,
      lhs: infimum,
      relation: '=',
      rhs: lit(0),
      tolerance: LIMIT_TOLERANCE,
      why: 'the chain above',
    },
    {
      id: `not-attained.${tag}`,
      notes: 'the infimum is not attained',
      lhs: risk(model, data, scaled(c, wHat, 'cŵ')),
      relation: '>',
      rhs: infimum,
      why: 'every ℓ(m_i(w)) = e^{−m_i(w)} > 0, so 𝓛(w) > 0 = inf 𝓛 at every w (checked at cŵ for the sampled c)',
      handTranscribed: 'prose; checked as 𝓛(cŵ) > inf_w 𝓛(w) at the sampled c',
    },
  ];
  return steps.map((step) => ({ ...step, notation }));
}

const linear: Sample = { X: param('X', { label: 'x' }), y: param('y'), n: param('n') };
const net: Sample = { X: param('netX', { label: 'x' }), y: param('netY', { label: 'y' }), n: param('netN', { label: 'n' }) };
const relu = twoLayerReluNet(param('m'));
const scale = positiveReal({ minExponent: -3, maxExponent: 0, boundaries: [1] });

const positiveC = { domain: 'c > 0, every data set and ŵ', variables: { c: { range: [0, Infinity], open: 'lo' } } } as const satisfies WholeDomainSpec;
const anyData = { domain: 'every data set and ŵ', variables: {} } as const satisfies WholeDomainSpec;
/** Σ_i ℓ(m_i(ŵ)) ≥ max_i ℓ(m_i(ŵ)) term by term: each margin is some real z, and ℓ(z) = e^{−z} ≥ 0 for every z. */
const termsNonnegative = (model: HomogeneousModel, data: Sample, wHat: Weights) =>
  ({
    domain: 'n ≥ 1 terms ℓ(m_i(ŵ)), each margin m_i(ŵ) = z ∈ ℝ',
    variables: { z: { range: [-Infinity, Infinity], open: 'both' } },
    abstract: [{ expr: margin(model, data, index('i'), wHat), as: param('z'), premise: 'each margin m_i(ŵ) is a real number z' }],
  }) as const satisfies WholeDomainSpec;

export default defineLemma({
  id: 'prop-10.1',
  title: 'Proposition 10.1: with 𝓛(ŵ) < ℓ(0), inf_w 𝓛(w) = 0 and the infimum is not attained',
  source: 'Lecture 15, Infimum not attained: Proposition 10.1 and its proof sketch',
  runs: 50,
  regions: [{ parameter: 'c', range: [1e-3, 1] }],
  hypotheses: {
    linear: {
      arbitrary: separableDataWithLowRisk({ n: [1, 6], d: [1, 4] }),
      domain: 'linear model: n ∈ 1..6 points ‖x_i‖ ≤ 1, d ∈ 1..4, separable (one point, symmetric pairs, axis points, margins 1..10^−4, duplicates); ŵ = κ·v with 𝓛(ŵ) ≤ e^−δ, δ ∈ 10^−6..10 (certified 𝓛(ŵ) < 1)',
      integers: ['n', 'd'],
    },
    net: {
      arbitrary: netSeparatedDataWithLowRisk({ n: [1, 6], d: [1, 3], m: [1, 4] }).map(netFields),
      domain: 'two-layer ReLU net f(x; a, W) = Σ_j a_j σ(⟨w_j, x⟩), m ∈ 1..4, d ∈ 1..3, n ∈ 1..6 points ‖x_i‖ ≤ 1 labelled by the net (m⃗-separable), θ̂ scaled to 𝓛(θ̂) ≤ e^−δ < 1 (certified)',
      integers: ['netN', 'netD', 'm'],
    },
    c: {
      arbitrary: scale,
      domain: 'c > 0 log-uniform in 10^−3..10',
    },
  },
  // A user's (linearly separable) data set: ŵ from its max-margin direction, and the net (1, −1; ŵ, −ŵ), which computes ⟨ŵ, x⟩.
  datasetLimits: { maxPoints: 10_000, pointInstances: 2000, why: 'each instance certifies the max margin of the points and evaluates the risk over all of them along c, in decimals where float intervals leave a step open' },
  fromDataset: (dataset) => fc.tuple(withLowRiskWeights(asSeparableData(dataset)), scale).map(([linear, c]) => ({ linear, net: netFields(netFromLinear(linear)), c })),
  wholeDomain: {
    'homogeneous.linear': positiveC,
    'homogeneous.relu': positiveC,
    'first.linear.2': anyData,
    'first.relu.2': anyData,
    'sum-above-max.linear.erratum': termsNonnegative(linearModel, linear, weights('ŵ', param('w'))),
    'sum-above-max.relu.erratum': termsNonnegative(relu, net, weights('ŵ', param('a'), param('W'))),
  },
  proof: [
    ...proofFor(linearModel, linear, weights('ŵ', param('w')), 'linear'),
    ...proofFor(relu, net, weights('ŵ', param('a'), param('W')), 'relu'),
  ],
});
