// Lecture 15, "Properties": Proposition 10.2, γ̄ is attained and γ̃(cw) → γ(w) as c → ∞,
// for the linear model and the 2-homogeneous ReLU net.
//
// A limit is not decided by finitely many evaluations. Each limit is checked as
// the certified rate behind it: for the sampled c > 0,
//   γ̃(cw) ≤ γ(w) ≤ γ̃(cw) + log n / (c^L ‖w‖^L),
// so for every ε > 0, |γ̃(cw) − γ(w)| ≤ ε once c ≥ (log n / ε)^{1/L} / ‖w‖.
import fc from 'fast-check';
import { log, param, type E } from '../src/language/builder.js';
import { defineLemma, type StepSpec } from '../src/language/lemma.js';
import { asSeparableData, netOn, netFields, withWeights, modelHypotheses } from '../src/domains/separable-data.js';
import { positiveReal } from '../src/domains/scalars.js';
import { maxMarginSetup } from '../src/models/flow-setup.js';
import {
  linearModel, normPower, normalizedMargin, scaled, smoothMargin, twoLayerReluNet, weights,
  type HomogeneousModel, type Sample, type Weights,
} from '../src/models/margin-functions.js';

const c = param('c');
/** Where every margin is 0 both sides are exactly 0, which no relative tolerance can show; decimal enclosures are far below 10^−20. */
const EXACT_ZERO = { abs: 1e-20 };
/** Why the limit lines are checked on hand-built sides. */
const RATE = 'a limit is no finite computation: checked as its rate, γ̃(cw) ≤ γ(w) ≤ γ̃(cw) + log n/‖cw‖^L at the sampled c';
const LIMIT = String.raw`\lim_{c \rightarrow \infty} \tilde{\gamma}(cw) = \gamma(w)`;

function limitFor(model: HomogeneousModel, data: Sample, w: Weights, tag: string, limitOf: E, notes = LIMIT): StepSpec[] {
  const cw = scaled(c, w, `c${w.label}`);
  return [
    {
      id: `limit-below.${tag}`,
      notes,
      tolerance: EXACT_ZERO,
      lhs: smoothMargin(model, data, cw),
      relation: '≤',
      rhs: limitOf,
      why: 'γ̃(cw) ≤ γ(cw) (the sandwich) and γ(cw) = γ(w) (homogeneity)',
      handTranscribed: RATE,
    },
    {
      id: `limit-rate.${tag}`,
      notes,
      tolerance: EXACT_ZERO,
      lhs: limitOf,
      relation: '≤',
      rhs: smoothMargin(model, data, cw).plus(log(data.n).over(normPower(model, cw))),
      why: `γ(cw) ≤ γ̃(cw) + log n/‖cw‖^${model.degree} (the sandwich), and ‖cw‖^${model.degree} = c^${model.degree}‖w‖^${model.degree} → ∞`,
      handTranscribed: RATE,
    },
  ];
}

const linear: Sample = { X: param('X', { label: 'x' }), y: param('y'), n: param('n') };
const net: Sample = { X: param('netX', { label: 'x' }), y: param('netY', { label: 'y' }), n: param('netN', { label: 'n' }) };
const w = weights('w', param('w'));
const theta = weights('w', param('a'), param('W'));
const ubar = weights('ū', param('ubar', { label: 'ū' }));
const gammaBar = param('gammaBar', { label: 'γ̄' });
const relu = twoLayerReluNet(param('m'));

const hypotheses = {
  ...modelHypotheses,
  c: {
    arbitrary: positiveReal({ minExponent: -3, maxExponent: 5, boundaries: [1, 1e6] }),
    domain: 'c > 0 log-uniform in 10^−3..10^6 (the rate is checked at each c)',
  },
};

export default defineLemma({
  id: 'prop-10.2',
  title: 'Proposition 10.2: γ̄ is attained, and γ̃(cw) → γ(w) as c → ∞ (checked with the rate log n/(c^L‖w‖^L))',
  source: 'Lecture 15, Properties: Proposition 10.2',
  runs: 60,
  hypotheses,
  // Swept along c for the report's plots: γ̃(cw) against γ(w) and the rate.
  regions: [{ parameter: 'c', range: [1e-3, 1e6] }],
  setup: maxMarginSetup(hypotheses, 'linear'),
  accounts: [
    { notes: String.raw`For any $w \neq 0$, we have`, reason: 'hypothesis: the generated weights are nonzero' },
  ],
  // A user's data set: random weights w for the linear model and a random net (a, W) on the same data.
  datasetLimits: { maxPoints: 10_000, pointInstances: 10_000, why: 'each instance evaluates the smooth margin over all the points at several scales c' },
  fromDataset: (dataset) => {
    const data = asSeparableData(dataset);
    return fc.tuple(withWeights(data), netOn(data, [1, 4]).map(netFields), hypotheses.c.arbitrary).map(([linear, net, c]) => ({ linear, net, c }));
  },
  proof: [
    {
      id: 'max-attained',
      notes: String.raw`$\bar{\gamma}$ is well-defined (i.e., maximum attained)`,
      lhs: normalizedMargin(linearModel, linear, ubar),
      relation: '=',
      rhs: gammaBar,
      why: 'γ(ū) = γ̄ for the certified max-margin direction ū (linear model; for the net γ̄ is a non-convex maximum the tool does not certify)',
      handTranscribed: 'prose; checked as γ(ū) = γ̄ at the certified max-margin direction ū',
    },
    {
      id: 'max-upper',
      notes: String.raw`\bar{\gamma} := \max_{\|w\|=1} \gamma(w)`,
      lhs: normalizedMargin(linearModel, linear, w),
      relation: '≤',
      rhs: gammaBar,
      why: 'γ̄ is the maximum over directions',
      handTranscribed: 'what the definition implies, γ(w) ≤ γ̄, checked at the sampled w',
    },
    ...limitFor(linearModel, linear, w, 'linear', normalizedMargin(linearModel, linear, w)),
    ...limitFor(relu, net, theta, 'relu', normalizedMargin(relu, net, theta)),
    ...limitFor(linearModel, linear, ubar, 'at-max', gammaBar, String.raw`\lim_{c \rightarrow \infty} \tilde{\gamma}(c\hat{w}) = \bar{\gamma}`),
  ],
});
