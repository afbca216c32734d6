// Lecture 15, "Gradient flow": Lemma 10.1 (risk decays like log t/t, the norm grows like log t) and its proof sketch,
// on the certified gradient flow ẇ = −∇𝓛(w), w(0) = 0, of the linear model under the exponential loss.
import { exp, index, inner, lit, log, max, maxOver, min, minOver, neg, norm, normSq, param, sqr, sum } from '../src/language/builder.js';
import { defineLemma, type CitedCounterexample } from '../src/language/lemma.js';
import type { WholeDomainSpec } from '../src/prover/whole-domain-spec.js';
import { flowDatasetLimits, flowHypothesis, flowOn } from '../src/domains/separable-data.js';
import { flowSetup } from '../src/models/flow-setup.js';
import { RATE_FLOW_EXAMPLES, SIMPLEST_FLOW_EXAMPLES } from '../src/domains/flow-examples.js';
import { ell, ellInverse, linearModel, margin, risk, weights, type Sample } from '../src/models/margin-functions.js';
import { flowNotation } from '../notes/glossary.js';

/** Where the tool found each certified counterexample (seed 20261128): the replay path it printed. */
const REPLAY_PATHS: Record<string, string> = {
  'risk-bound': '3:267:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:5:0:0:1:1:1:1:1:1:0:2:0:0:0:4',
  'norm-bound': '11:238:2:0:1:0:1',
  'claim-1.3': '10:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:1:0:1:0:1:0:2:0:2:0:4:0:2:1:0:0:3:3:1:2:2:2:2:3:2:2:2:2:2:2:2:2:2:2:2:2:2:2:2:2:2:2:2:3:3:0:3:0:0:1:3',
  'plug-in': '0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0',
  'claim-2.4': '3:267:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:5:0:0:1:1:1:1:1:1:0:2:0:0:0:4',
  'claim-2.inverse': '11:238:2:0:1:0:1',
};
/** The counterexample an expectation cites: the checker replays it and requires it to still refute. */
const cited = (step: string): CitedCounterexample => ({ seed: 20261128, path: REPLAY_PATHS[step] });

const data: Sample = { X: param('X', { label: 'x' }), y: param('y'), n: param('n') };
const { n } = data;
const t = param('t');
const gammaBar = param('gammaBar', { label: 'γ̄' });
const ubar = param('ubar', { label: 'ū' });
const wt = weights('w(t)', param('w', { label: 'w(t)' }));
const w0 = param('w0', { label: 'w(0)' });
const riskAtT = risk(linearModel, data, wt);
const m = (i: Parameters<typeof margin>[2], w = wt) => margin(linearModel, data, i, w);

/** The proof's choice c = 2tnγ̄² (the notes write it 2ntγ̄² and 2tnγ̄²). */
const c = lit(2).times(t).times(n).times(sqr(gammaBar)).as('c');
const twoTGammaSq = lit(2).times(t).times(sqr(gammaBar));
/** z = log(c) · ū/γ̄ */
const zVector = log(c).times(ubar).over(gammaBar);
const z = weights('z', zVector.as('z'));

/** ∫₀ᵗ min{n, (1 + log²(2nsγ̄²))/(2sγ̄²)} ds = (min{c, 1} + ℓ₊ + ℓ₊³/3)/(2γ̄²), ℓ₊ = max{0, log c}: Theorem 10.1's corrected bound on ‖w(t)‖. */
const logPlusC = max(0, log(c));
const integratedRiskBound = min(c, 1).plus(logPlusC).plus(logPlusC.pow(3).over(3)).over(lit(2).times(sqr(gammaBar)));

/** The statement's first bound (1 + log(2ntγ̄²))/(2tγ̄²), and its correction with log² (what the plug-in gives). */
const riskBound = lit(1).plus(log(c)).over(twoTGammaSq);
const riskBoundCorrected = lit(1).plus(sqr(log(c))).over(twoTGammaSq);

/**
 * Lemma 10.1's algebra depends on t, n and γ̄ through c = 2tnγ̄² (and a positive factor n/c): the prover
 * substitutes t = c/(2nγ̄²) and checks by exact algebra that only c (and factors it proves positive) remain.
 */
const cv = param('c');
const nv = param('n');
const gv = param('gammaBar');
const sigma = param('sigma', { label: 'σ' });
const inC = {
  domain: 'c = 2tnγ̄² > 0 (t > 0, n ≥ 1, γ̄ ∈ (0, 1])',
  variables: { c: { range: [0, Infinity], open: 'lo' }, n: { range: [1, Infinity] }, gammaBar: { range: [0, 1], open: 'lo' } },
  substitute: { t: cv.over(lit(2).times(nv).times(sqr(gv))) },
} as const satisfies WholeDomainSpec;
/** Claim 1's third link, term by term: m_i(ū)/γ̄ = 1 + σ_i with σ_i ≥ 0 (γ̄ = min_i m_i(ū) for the max-margin direction ū). */
const inCAndRatio = (failing: boolean) =>
  ({
    ...inC,
    domain: 'c = 2tnγ̄² > 0, and m_i(ū)/γ̄ = 1 + σ with σ ≥ 0, for each term',
    variables: { ...inC.variables, sigma: { range: [0, Infinity] } },
    abstract: [{ expr: m(index('i'), weights('ū', ubar)).over(gammaBar), as: lit(1).plus(sigma), premise: 'm_i(ū) ≥ γ̄ for every i: γ̄ = min_i m_i(ū) at the max-margin direction ū' }],
    ...(failing
      ? { expectFailure: true, failingSet: { variable: 'c', label: '2tnγ̄²', reads: 'every term of the link fails when every m_i(ū) > γ̄', variables: { sigma: { range: [0, Infinity], open: 'lo' } } } }
      : {}),
  }) as const satisfies WholeDomainSpec;
/** Where a bound in c is negative, it is below 𝓛(w(t)) > 0 (or ℓ(‖w(t)‖) > 0): the step fails. */
const negativeBound = (bound: typeof riskBound, what: string) =>
  ({
    ...inC,
    expectFailure: true,
    failingSet: { variable: 'c', label: '2tnγ̄²', reads: `the bound is negative, below ${what} > 0`, condition: { lhs: bound, relation: '<', rhs: lit(0), why: `${what} > 0` } },
  }) as const satisfies WholeDomainSpec;
/**
 * The simplest instance, one point x: w(t) = s(t)·y·x with m = s‖x‖², ṁ = ‖x‖²e^{−m}, so e^{m} = 1 + ‖x‖²t,
 * 𝓛(w(t)) = 1/(1 + ‖x‖²t), and γ̄ = ‖x‖. There the risk bound fails exactly where that closed form exceeds it.
 */
const onePointRisk = {
  variable: 'c',
  label: '2tnγ̄²',
  class: 'one point x (n = 1, 𝓛(w(t)) = 1/(1 + ‖x‖²t), γ̄ = ‖x‖)',
  reads: 'the true risk 2/(2 + c) exceeds the bound (1 + log c)/c',
  condition: { lhs: lit(1).over(lit(1).plus(sqr(gammaBar).times(t))), relation: '>', rhs: riskBound, why: 'for one point 𝓛(w(t)) = 1/(1 + ‖x‖²t) and γ̄ = ‖x‖' },
  variables: { n: { range: [1, 1] } },
} as const;
/** "Parameter grows as log t", checked from below and from above: what both rate steps share. */
const normRate = {
  notes: String.raw`Parameter grows as $\log t$`,
  parameter: 'flow.t',
  decades: [1, 12] as const,
  examples: RATE_FLOW_EXAMPLES,
  quantity: norm(wt.parts[0]),
  stated: { expr: log(t), reads: 'log t' },
  observed: { expr: log(t), reads: 'log t', constant: { expr: lit(1).over(gammaBar), reads: '1/γ̄' } },
};
/** The proof's z = log(c)·ū/γ̄ and c = 2tnγ̄², as its Claim 1 chooses them. */
const notation = flowNotation({ model: linearModel, data, extra: { z, c } });

export default defineLemma({
  id: 'lemma-10.1',
  title: 'Lemma 10.1: 𝓛(w(t)) ≤ (1 + log(2ntγ̄²))/(2tγ̄²) and ‖w(t)‖ ≥ log(2tnγ̄²) − log(1 + log(2tnγ̄²))',
  source: 'Lecture 15, Gradient flow: Lemma 10.1 and its proof sketch (Claims 1 and 2)',
  runs: 50,
  hypotheses: {
    flow: flowHypothesis,
  },
  setup: flowSetup('flow'),
  notation,
  accounts: [
    { notes: String.raw`Consider a linearly separable data, and a linear classifier with $w(0) = \mathbf{0}$.`, reason: 'hypotheses: the flow starts at 0 on certified separable data' },
    { notes: String.raw`Also, suppose that $\max_{i \in [n]} \|x_i\| \leq 1$.`, reason: 'hypothesis: the generated points lie in the unit ball (decided exactly)' },
    { notes: 'No discussions on implicit bias yet ;(', reason: 'a comment on the lecture: states nothing to check' },
  ],
  regions: [{ parameter: 'flow.t', range: [1e-6, 1e6], examples: SIMPLEST_FLOW_EXAMPLES }],
  datasetLimits: flowDatasetLimits,
  fromDataset: flowOn,
  wholeDomain: {
    'risk-bound': { ...negativeBound(riskBound, '𝓛(w(t))'), failingSets: [onePointRisk] },
    'plug-in.erratum': inC,
    'claim-1.3': inCAndRatio(true),
    'claim-1.2': { ...inC, abstract: [{ expr: normSq(ubar), as: lit(1), premise: '‖ū‖ = 1 (the max-margin direction is a unit vector)' }] },
    'claim-1.4': inC,
    'claim-2.4': negativeBound(lit(1).plus(log(c)).over(lit(2).times(n).times(t).times(sqr(gammaBar))), 'ℓ(‖w(t)‖)'),
  },
  // The remark's rates, along one long validated flow per data set (src/checker/rates.ts): no finite
  // computation certifies a limit; each is checked as the corrected proof's bound for every t in
  // [10, 10^12], with the ratios to the notes' rate and to the observed one enclosed per decade.
  rates: [
    {
      id: 'remark.risk-rate',
      notes: String.raw`Risk decays as $\log t/t$`,
      why: 'the corrected first bound (1 + log² c)/(2tγ̄²), c = 2tnγ̄² (step risk-bound.erratum)',
      parameter: 'flow.t',
      decades: [1, 12],
      examples: RATE_FLOW_EXAMPLES,
      quantity: riskAtT,
      monotone: { direction: 'non-increasing', why: 'd/dt 𝓛(w(t)) = −‖∇𝓛(w(t))‖² ≤ 0 along gradient flow' },
      stated: { expr: log(t).over(t), reads: 'log t/t' },
      bound: { relation: '≤', expr: riskBoundCorrected, reads: '(1 + log²(2ntγ̄²))/(2tγ̄²), i.e. log² t/t' },
      observed: { expr: lit(1).over(t), reads: '1/t', constant: { expr: lit(1).over(sqr(gammaBar)), reads: '1/γ̄²' } },
    },
    {
      ...normRate,
      id: 'remark.norm-rate',
      why: 'the corrected second bound log c − log(1 + log² c), c = 2tnγ̄² (step norm-bound.erratum)',
      bound: { relation: '≥', expr: log(c).minus(log(lit(1).plus(sqr(log(c))))), reads: 'log(2tnγ̄²) − log(1 + log²(2tnγ̄²)), i.e. log t − 2 log log t' },
    },
    {
      ...normRate,
      id: 'remark.norm-rate.upper',
      why: '‖w(t)‖ ≤ ∫₀ᵗ‖ẇ‖ ≤ ∫₀ᵗ min{n, (1 + log²(2nsγ̄²))/(2sγ̄²)} ds (Theorem 10.1, step v-integrated.erratum): the upper rate the corrected proofs give',
      bound: { relation: '≤', expr: integratedRiskBound, reads: '(min{c, 1} + log₊ c + log₊³ c/3)/(2γ̄²), c = 2tnγ̄², i.e. log³ t/(6γ̄²)' },
    },
  ],
  proof: [
    {
      id: 'risk-bound',
      notes: String.raw`\mathcal{L}(w(t)) \leq \frac{1 + \log(2nt\bar{\gamma}^2)}{2t\bar{\gamma}^2}`,
      lhs: riskAtT,
      relation: '≤',
      rhs: riskBound,
      why: 'Claim 1 with c = 2tnγ̄²',
      expect: { refuted: `below t = 1/(2enγ̄²) the bound is negative, and the plug-in gives log², not log`, counterexample: cited('risk-bound'), region: { parameter: 't', verdict: 'refuted', direction: 'below', upperEdge: [1.00144, 1.00146] } },
      erratum: {
        notes: String.raw`\mathcal{L}(w(t)) \leq \frac{1 + \log^2(2nt\bar{\gamma}^2)}{2t\bar{\gamma}^2}`,
        why: 'Claim 1 at c = 2tnγ̄² gives n/c + log²(c)/(2tγ̄²) = (1 + log² c)/(2tγ̄²); for c < 1 this exceeds n ≥ 𝓛(w(t)), so it holds for every t > 0',
        rhs: riskBoundCorrected,
      },
    },
    {
      id: 'norm-bound',
      notes: String.raw`\|w(t)\| \geq \log(2tn\bar{\gamma}^2) - \log(1 + \log(2tn\bar{\gamma}^2))`,
      lhs: norm(wt.parts[0]),
      relation: '≥',
      rhs: log(c).minus(log(lit(1).plus(log(c)))),
      why: 'Claim 2',
      expect: { refuted: `undefined for t ≤ 1/(2enγ̄²) and false just above it, where log(1 + log c) → −∞`, counterexample: cited('norm-bound'), region: { parameter: 't', verdict: 'refuted', direction: 'between', lowerEdge: [1.48122, 1.48123], upperEdge: [1.80768, 1.80769] } },
      erratum: {
        notes: String.raw`\|w(t)\| \geq \log(2tn\bar{\gamma}^2) - \log(1 + \log^2(2tn\bar{\gamma}^2))`,
        why: 'Claim 2 with the corrected first bound: ℓ(‖w(t)‖) ≤ (1 + log² c)/c',
        rhs: log(c).minus(log(lit(1).plus(sqr(log(c))))),
      },
    },
    {
      id: 'theorem-7.4',
      notes: String.raw`\mathcal{L}(w(t)) \leq \mathcal{L}(z) + \frac{1}{2t} (\|w(0) - z\|^2 - \|w(t) - z\|^2)`,
      lhs: riskAtT,
      relation: '≤',
      rhs: risk(linearModel, data, z).plus(normSq(w0.minus(zVector)).minus(normSq(wt.parts[0].minus(zVector))).over(lit(2).times(t))),
      why: 'Theorem 7.4 (𝓛 convex) at z = log(c)·ū/γ̄',
    },
    {
      id: 'claim-1',
      notes: String.raw`\begin{aligned} \mathcal{L}(w(t)) &\leq \mathcal{L}(z) + \frac{\|z\|^2}{2t} = \sum_{i=1}^n \ell \left(\log c \cdot \frac{m_i(\bar{u})}{\bar{\gamma}} \right) + \frac{\log^2(c)}{2t\bar{\gamma}^2} \\ &\leq \sum_{i=1}^n \exp(-\log c) + \frac{\log^2(c)}{2t\bar{\gamma}^2} = \frac{n}{c} + \frac{\log^2(c)}{2t\bar{\gamma}^2} \end{aligned}`,
      start: riskAtT,
      links: [
        {
          relation: '≤',
          expr: risk(linearModel, data, z).plus(normSq(zVector).over(lit(2).times(t))),
          why: 'Theorem 7.4 with w(0) = 0, dropping −‖w(t) − z‖²',
          notes: String.raw`\mathcal{L}(w(t)) &\leq \mathcal{L}(z) + \frac{\|z\|^2}{2t}`,
        },
        {
          relation: '=',
          expr: sum('i', 1, n, (i) => ell(log(c).times(m(i, weights('ū', ubar)).over(gammaBar)))).plus(sqr(log(c)).over(twoTGammaSq)),
          why: 'm_i is linear in w, and ‖ū‖ = 1',
          notes: String.raw`= \sum_{i=1}^n \ell \left(\log c \cdot \frac{m_i(\bar{u})}{\bar{\gamma}} \right) + \frac{\log^2(c)}{2t\bar{\gamma}^2}`,
        },
        {
          relation: '≤',
          expr: sum('i', 1, n, () => exp(neg(log(c)))).plus(sqr(log(c)).over(twoTGammaSq)),
          why: 'm_i(ū) ≥ γ̄ and ℓ is decreasing (needs log c ≥ 0)',
          notes: String.raw`\leq \sum_{i=1}^n \exp(-\log c) + \frac{\log^2(c)}{2t\bar{\gamma}^2}`,
          expect: { refuted: `for c = 2tnγ̄² < 1, log c < 0 flips the inequality wherever some m_i(ū) > γ̄`, counterexample: cited('claim-1.3') },
          erratum: {
            notes: String.raw`\leq \sum_{i=1}^n \exp\left(-\min\left\{\log c, \log c \cdot \frac{m_i(\bar{u})}{\bar{\gamma}}\right\}\right) + \frac{\log^2(c)}{2t\bar{\gamma}^2}`,
            why: 'm_i(ū)/γ̄ ≥ 1: for log c ≥ 0 the minimum is log c (the notes\' bound); for log c < 0 the step keeps the term itself',
            rhs: sum('i', 1, n, (i) => exp(neg(min(log(c), log(c).times(m(i, weights('ū', ubar)).over(gammaBar)))))).plus(sqr(log(c)).over(twoTGammaSq)),
          },
        },
        {
          relation: '=',
          expr: n.over(c).plus(sqr(log(c)).over(twoTGammaSq)),
          why: 'exp(−log c) = 1/c',
          notes: String.raw`= \frac{n}{c} + \frac{\log^2(c)}{2t\bar{\gamma}^2}`,
        },
      ],
    },
    {
      id: 'plug-in',
      notes: String.raw`Plug in $c = 2tn\bar{\gamma}^2$ to get the first bound.`,
      lhs: n.over(c).plus(sqr(log(c)).over(twoTGammaSq)),
      relation: '=',
      rhs: riskBound,
      why: 'n/c = 1/(2tγ̄²) at c = 2tnγ̄²',
      handTranscribed: 'prose: the plug-in of c = 2tnγ̄² into Claim 1, checked as n/c + log²(c)/(2tγ̄²) = the first bound',
      expect: { refuted: `the plug-in gives (1 + log² c)/(2tγ̄²): log² c ≠ log c unless c ∈ {1, e}`, counterexample: cited('plug-in'), region: { parameter: 't', verdict: 'refuted', direction: 'below', upperEdge: [0.5, 0.5] } },
      erratum: {
        notes: String.raw`\frac{n}{c} + \frac{\log^2(c)}{2t\bar{\gamma}^2} = \frac{1 + \log^2(2nt\bar{\gamma}^2)}{2t\bar{\gamma}^2}`,
        why: 'n/c = 1/(2tγ̄²) at c = 2tnγ̄²',
        rhs: riskBoundCorrected,
      },
    },
    {
      id: 'claim-2.margin',
      notes: String.raw`\|w(t)\| \geq y_i \langle w(t), x_i \rangle = m_i(w(t)), \quad \forall i \in [n]`,
      lhs: norm(wt.parts[0]),
      relation: '≥',
      rhs: data.y.at(index('i')).times(inner(wt.parts[0], data.X.at(index('i')))),
      over: { i: [1, n] },
      why: 'Cauchy–Schwarz and ‖x_i‖ ≤ 1',
    },
    {
      id: 'claim-2',
      notes: String.raw`\begin{aligned} \ell(\|w_t\|) &\leq \ell \left(\max_{i \in [n]} m_i(w(t)) \right) = \min_{i \in [n]} \ell \left(m_i(w(t)) \right) \leq \frac{1}{n} \cdot \mathcal{L}(w(t)) \\ &\leq \frac{1 + \log(2nt\bar{\gamma}^2)}{2nt\bar{\gamma}^2} \end{aligned}`,
      start: ell(norm(wt.parts[0])),
      links: [
        {
          relation: '≤',
          expr: ell(maxOver('i', 1, n, (i) => m(i))),
          why: '‖w(t)‖ ≥ m_i(w(t)) for every i, and ℓ is decreasing',
          notes: String.raw`\ell(\|w_t\|) &\leq \ell \left(\max_{i \in [n]} m_i(w(t)) \right)`,
        },
        { relation: '=', expr: minOver('i', 1, n, (i) => ell(m(i))), why: 'ℓ is decreasing', notes: String.raw`= \min_{i \in [n]} \ell \left(m_i(w(t)) \right)` },
        { relation: '≤', expr: riskAtT.over(n), why: 'the minimum is at most the mean', notes: String.raw`\leq \frac{1}{n} \cdot \mathcal{L}(w(t))` },
        {
          relation: '≤',
          expr: lit(1).plus(log(c)).over(lit(2).times(n).times(t).times(sqr(gammaBar))),
          why: 'the first bound, divided by n',
          notes: String.raw`\leq \frac{1 + \log(2nt\bar{\gamma}^2)}{2nt\bar{\gamma}^2}`,
          expect: { refuted: `inherits the first bound, false for small t`, counterexample: cited('claim-2.4'), region: { parameter: 't', verdict: 'refuted', direction: 'below', upperEdge: [1.00144, 1.00146] } },
          erratum: {
            notes: String.raw`\leq \frac{1 + \log^2(2nt\bar{\gamma}^2)}{2nt\bar{\gamma}^2}`,
            why: 'the corrected first bound, divided by n',
            rhs: lit(1).plus(sqr(log(c))).over(lit(2).times(n).times(t).times(sqr(gammaBar))),
          },
        },
      ],
    },
    {
      id: 'claim-2.inverse',
      notes: 'Applying ℓ^{-1} on both sides, we get what we want.',
      lhs: norm(wt.parts[0]),
      relation: '≥',
      rhs: ellInverse(lit(1).plus(log(c)).over(lit(2).times(n).times(t).times(sqr(gammaBar)))),
      why: 'ℓ⁻¹ is decreasing',
      handTranscribed: 'prose: ℓ⁻¹ applied to both sides of Claim 2, checked as ‖w(t)‖ ≥ ℓ⁻¹ of its right side',
      expect: { refuted: `ℓ⁻¹ of a non-positive number is undefined (t ≤ 1/(2enγ̄²)) and the bound is false just above`, counterexample: cited('claim-2.inverse'), region: { parameter: 't', verdict: 'refuted', direction: 'between', lowerEdge: [1.48122, 1.48123], upperEdge: [1.80768, 1.80769] } },
      erratum: {
        notes: String.raw`\|w(t)\| \geq \ell^{-1}\left(\frac{1 + \log^2(2nt\bar{\gamma}^2)}{2nt\bar{\gamma}^2}\right)`,
        why: 'ℓ⁻¹ of the corrected bound',
        rhs: ellInverse(lit(1).plus(sqr(log(c))).over(lit(2).times(n).times(t).times(sqr(gammaBar)))),
      },
    },
  ],
});
