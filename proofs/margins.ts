// Lecture 15, "Margins" and "Smoothed margin": the definitions of γ, γ̄, γ̃ and the sandwich of the smooth margin,
// for the linear model and the 2-homogeneous ReLU net.
import { index, log, lit, maxOver, minOver, norm, param, sum } from '../src/language/builder.js';
import { marginNotation, maxMarginForms } from '../notes/glossary.js';
import { defineLemma, type ChainSpec, type StepSpec } from '../src/language/lemma.js';
import type { WholeDomainSpec } from '../src/prover/whole-domain-spec.js';
import { modelHypotheses, modelsOn } from '../src/domains/separable-data.js';
import { maxMarginSetup } from '../src/models/flow-setup.js';
import {
  ell, ellInverse, linearModel, margin, minMargin, normPower, normalized, normalizedMargin, risk, smoothMargin, twoLayerReluNet, weights,
  type HomogeneousModel, type Sample, type Weights,
} from '../src/models/margin-functions.js';

/**
 * When every margin is 0 (a dead ReLU net, say), both sides of these steps are exactly 0 and no
 * relative tolerance can say so; an absolute 10^−20 can (decimal enclosures are far narrower).
 */
const EXACT_ZERO = { abs: 1e-20 };

function sandwichFor(model: HomogeneousModel, data: Sample, w: Weights, tag: string): (StepSpec | ChainSpec)[] {
  const L = model.degree;
  const smallest = minMargin(model, data, w);
  const inverseRisk = ellInverse(risk(model, data, w));
  const notation = marginNotation({ model, data, w });
  const steps: (StepSpec | ChainSpec)[] = [
    {
      id: `homogeneity.${tag}`,
      notes: String.raw`m_i(w) = \|w\|^L \cdot m_i\left(\frac{w}{\|w\|}\right)`,
      lhs: margin(model, data, index('i'), w),
      relation: '=',
      rhs: normPower(model, w).times(margin(model, data, index('i'), normalized(w))),
      over: { i: [1, data.n] },
      tolerance: EXACT_ZERO,
      why: `the ${model.name} is ${L}-homogeneous: m_i(cw) = c^${L} m_i(w) for c > 0, at c = 1/‖w‖`,
    },
    {
      id: `gamma.${tag}`,
      notes: String.raw`\gamma(w) = \min_{i \in [n]} m_i \left(\frac{w}{\|w\|} \right) = \frac{1}{\|w\|^L} \min_{i \in [n]} m_i(w)`,
      start: normalizedMargin(model, data, w),
      links: [
        {
          relation: '=',
          expr: minOver('i', 1, data.n, (i) => margin(model, data, i, normalized(w))),
          why: 'definition of the margin',
          notes: String.raw`\gamma(w) = \min_{i \in [n]} m_i \left(\frac{w}{\|w\|} \right)`,
        },
        {
          relation: '=',
          expr: lit(1).over(normPower(model, w)).times(smallest),
          why: `${L}-homogeneity: m_i(w/‖w‖) = m_i(w)/‖w‖^${L}`,
          notes: String.raw`= \frac{1}{\|w\|^L} \min_{i \in [n]} m_i(w)`,
        },
      ],
    },
    {
      id: `remark-upper.${tag}`,
      tolerance: EXACT_ZERO,
      notes: String.raw`\ell^{-1}(\mathcal{L}(w)) \leq \ell^{-1}(\max_i \ell(m_i(w))) = \min_{i \in [n]} m_i(w)`,
      start: inverseRisk,
      links: [
        {
          relation: '≤',
          expr: ellInverse(maxOver('i', 1, data.n, (i) => ell(margin(model, data, i, w)))),
          why: '𝓛(w) ≥ max_i ℓ(m_i(w)) (terms ≥ 0) and ℓ⁻¹ is decreasing',
          notes: String.raw`\ell^{-1}(\mathcal{L}(w)) \leq \ell^{-1}(\max_i \ell(m_i(w)))`,
        },
        { relation: '=', expr: smallest, why: 'ℓ is decreasing, so max_i ℓ(m_i) = ℓ(min_i m_i)', notes: String.raw`= \min_{i \in [n]} m_i(w)` },
      ],
    },
    {
      id: `remark-lower.${tag}`,
      tolerance: EXACT_ZERO,
      notes: String.raw`\min_{i \in [n]} m_i(w) \leq \ell^{-1} \left(\frac{1}{n} \sum_{i=1}^n \ell(m_i(w)) \right) = \ell^{-1}(\mathcal{L}(w)) + \log(n)`,
      start: smallest,
      links: [
        {
          relation: '≤',
          expr: ellInverse(sum('i', 1, data.n, (i) => ell(margin(model, data, i, w))).over(data.n)),
          why: 'the mean is at most the largest term ℓ(min_i m_i), and ℓ⁻¹ is decreasing',
          notes: String.raw`\min_{i \in [n]} m_i(w) \leq \ell^{-1} \left(\frac{1}{n} \sum_{i=1}^n \ell(m_i(w)) \right)`,
        },
        { relation: '=', expr: inverseRisk.plus(log(data.n)), why: 'ℓ⁻¹(v/n) = −log v + log n', notes: String.raw`= \ell^{-1}(\mathcal{L}(w)) + \log(n)` },
      ],
    },
    {
      id: `sandwich.${tag}`,
      tolerance: EXACT_ZERO,
      notes: String.raw`\tilde{\gamma}(w) \leq \gamma(w) \leq \tilde{\gamma}(w) + \frac{\log n}{\|w\|^L}`,
      start: smoothMargin(model, data, w),
      links: [
        { relation: '≤', expr: normalizedMargin(model, data, w), why: 'the remark, divided by ‖w‖^L', notes: String.raw`\tilde{\gamma}(w) \leq \gamma(w)` },
        {
          relation: '≤',
          expr: smoothMargin(model, data, w).plus(log(data.n).over(normPower(model, w))),
          why: 'the remark, divided by ‖w‖^L',
          notes: String.raw`\gamma(w) \leq \tilde{\gamma}(w) + \frac{\log n}{\|w\|^L}`,
        },
      ],
    },
  ];
  return steps.map((step) => ({ ...step, notation }));
}

/** ℓ⁻¹(v/n) = −log v + log n for n ≥ 1 and the positive sum v: exact algebra, for every data set. */
const nAtLeastOne = { domain: 'n ≥ 1, every data set and w', variables: { n: { range: [1, Infinity] }, netN: { range: [1, Infinity] } } } as const satisfies WholeDomainSpec;

const linear: Sample = { X: param('X', { label: 'x' }), y: param('y'), n: param('n') };
const net: Sample = { X: param('netX', { label: 'x' }), y: param('netY', { label: 'y' }), n: param('netN', { label: 'n' }) };
const w = weights('w', param('w'));
const theta = weights('w', param('a'), param('W'));
const ubar = weights('ū', param('ubar', { label: 'ū' }));
const gammaBar = param('gammaBar', { label: 'γ̄' });

const hypotheses = modelHypotheses;

export default defineLemma({
  id: 'margins',
  title: 'Margins: γ(w), γ̄, γ̃(w), and the sandwich γ̃(w) ≤ γ(w) ≤ γ̃(w) + log n/‖w‖^L',
  source: 'Lecture 15, Margins (definition and remark) and Smoothed margin',
  runs: 60,
  hypotheses,
  setup: maxMarginSetup(hypotheses, 'linear'),
  notation: marginNotation({ model: linearModel, data: linear, w, forms: maxMarginForms(linearModel, linear) }),
  accounts: [
    { notes: String.raw`\ell(y \cdot f(x; w)) = \exp(-y \cdot f(x; w))`, reason: "definition of the exponential loss (the glossary's ℓ for margins)" },
    { notes: String.raw`m_i(w) := y_i \cdot f(x; w)`, reason: "definition of m_i (the glossary's m)" },
    { notes: String.raw`\mathcal{L}(w) := \sum_i \ell(m_i(w))`, reason: "definition of 𝓛 (the glossary's 𝓛)" },
    { notes: String.raw`\min_{i \in [n]} y_i \cdot \langle w, x_i \rangle > 0`, reason: 'definition of separability: every instance is certified separable by the setup (exact LP)' },
    { notes: String.raw`\min_{i \in [n]} m_i(w) > 0`, reason: 'definition of m⃗-separability: the net instances are labelled by the net' },
    { notes: String.raw`\bar{u} = \arg \max_{\|w\|=1} \min_{i \in [N]} y_i \cdot f(x_i; w)`, reason: 'the max-margin direction again, written with f: step max-margin.unit' },
    { notes: String.raw`$$\gamma(w) = \min_{i \in [n]} m_i \left(\frac{w}{\|w\|} \right)$$`, reason: 'repeats the first half of line 176: step gamma.*.1' },
    { notes: String.raw`$$\bar{\gamma} := \max_{\|w\|=1} \gamma(w)$$`, reason: 'repeats the definition of γ̄ (line 177): max-margin.attained' },
    { notes: String.raw`$$\tilde{\gamma}(w) := \frac{\ell^{-1}(\mathcal{L}(w))}{\|w\|^L}$$`, reason: "repeats the definition of γ̃ (line 177): the glossary's γ̃" },
  ],
  // A user's data set: random weights w for the linear model and a random net (a, W) on the same data.
  datasetLimits: { maxPoints: 10_000, pointInstances: 30_000, why: 'each instance checks the margin steps at every point' },
  fromDataset: modelsOn,
  wholeDomain: { 'remark-lower.linear.2': nAtLeastOne, 'remark-lower.relu.2': nAtLeastOne },
  proof: [
    ...sandwichFor(linearModel, linear, w, 'linear'),
    ...sandwichFor(twoLayerReluNet(param('m')), net, theta, 'relu'),
    {
      id: 'max-margin.unit',
      notes: String.raw`\bar{u} = \operatorname{argmax}_{\|w\|=1} \min_{i \in [n]} y_i \cdot \langle w, x_i \rangle`,
      lhs: norm(param('ubar', { label: 'ū' })),
      relation: '=',
      rhs: lit(1),
      why: 'ū is a unit vector (certified max-margin direction)',
      handTranscribed: 'the line defines ū as an argmax; what is checked is that ū is a unit vector (its optimality is max-margin.attained)',
    },
    {
      id: 'max-margin.attained',
      notes: String.raw`\bar{\gamma} := \max_{\|w\|=1} \gamma(w)`,
      lhs: gammaBar,
      relation: '=',
      rhs: normalizedMargin(linearModel, linear, ubar),
      why: 'the maximum is attained at ū (certified: exact optimality certificate of the minimum-norm point of conv{y_i x_i})',
    },
    {
      id: 'max-margin.upper',
      notes: String.raw`\bar{\gamma} := \max_{\|w\|=1} \gamma(w)`,
      lhs: normalizedMargin(linearModel, linear, w),
      relation: '≤',
      rhs: gammaBar,
      why: 'γ̄ is the maximum over directions; γ(w) = γ(w/‖w‖)',
      handTranscribed: 'what the definition implies, γ(w) ≤ γ̄, checked at the sampled w (the line itself is max-margin.attained)',
    },
  ],
});
