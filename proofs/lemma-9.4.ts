// Lecture 15, "Risk convergence": Lemma 9.4 (Ji & Telgarsky, 2019) and its proof sketch, on certified gradient-descent trajectories.
import { type E, index, inner, lit, logistic, logisticPrime, min, normSq, param, sum } from '../src/language/builder.js';
import { defineLemma, type LemmaSpec } from '../src/language/lemma.js';
import type { SharpHypothesisSpec, WholeDomainSpec } from '../src/prover/whole-domain-spec.js';
import { comparisonRecipe, gdSetting, horizon } from '../src/domains/gd-instances.js';
import { gradientDescentSetup } from '../src/domains/gd-setup.js';
import { halfOpen, stepSize } from '../src/domains/scalars.js';
import { smallestGdInstances } from '../src/domains/smallest-gd-instances.js';
import { margin, netGradient, netGradientPairing, netOutput, pairingNetGradient, risk, riskGradient, surrogateRisk } from '../src/models/relu-net-functions.js';
import { reluNetNotation, withNotation } from '../notes/glossary.js';

const W = param('W', { base: [0, 1] });
const Z = param('Z');
const eta = param('eta', { label: 'η' });
const net = { a: param('a'), m: param('m') };
const data = { X: param('X', { label: 'x' }), y: param('y'), n: param('n') };
const { n } = data;
const t = param('t');

/** Every iterate i < t, and every prefix t' = 1..t of the trajectory. */
const i = index('i');
const prefix = index("t'");
const everyIterate = { i: [0, t.minus(1)] as const };
const everyPrefix = { "t'": [1, t] as const };

const Wi = W.at(i);
const Wnext = W.at(i.plus(1));
const R = (Wk: E): E => risk(net, data, Wk);
const Rsurrogate = (Wk: E): E => surrogateRisk(net, data, Z, Wk);
const gradR = riskGradient(net, data, Wi);
const distance = (Wk: E): E => normSq(Wk.minus(Z));
const f = (k: E): E => netOutput(net, data, k, Wi);
/** c·∇f(x_k; W_i), scaled as it is formed. */
const scaledGradF = (k: E, c: E): E => netGradient(net, data, k, Wi, c);
/** ⟨∇f(x_k; W_i), V⟩ and ⟨c·∇f(x_k; W_i), V⟩, paired without forming the m × d matrix ∇f(x_k; W_i). */
const gradFPaired = (k: E, V: E, c?: E): E => netGradientPairing(net, data, k, Wi, V, c);
const yk = (k: E): E => data.y.at(k);

/** Σ_{i<t'} (1/t') R̂(W_i) − Σ_{i<t'} (2/t') R̂⁽ⁱ⁾(Z), the left side of the claim. */
const claimLeft = sum('i', 0, prefix.minus(1), (j) => lit(1).over(prefix).times(R(W.at(j)))).minus(
  sum('i', 0, prefix.minus(1), (j) => lit(2).over(prefix).times(Rsurrogate(W.at(j)))),
);
const claimRight = distance(W.at(0)).minus(distance(W.at(prefix))).over(eta.times(prefix));

const CLAIM = String.raw`\sum_{i < t} \frac{1}{t} \hat{R}(W_i) - \sum_{i < t} \frac{2}{t} \hat{R}^{(i)}(Z) \leq \frac{\|W_0 - Z\|_F^2 - \|W_t - Z\|_F^2}{\eta \cdot t}`;
const TELESCOPE = String.raw`Use the fact that $1 \leq 2 - \eta$, and telescope to get the claim`;

const HORIZON = 20;

const r = param('r');
const s = param('s');
const tPrime = param('tp', { label: "t'" });
/** R̂(W_i) = r ≥ 0 (a mean of logistic losses), R̂⁽ⁱ⁾(Z) = s ≥ 0 likewise, for each term of a sum over i. */
const riskAsR = { expr: R(Wi), as: r, premise: 'R̂(W_i) ≥ 0: a mean of logistic losses' };
const wholeDomain: Record<string, WholeDomainSpec> = {
  'third-term.2': { domain: 'r = R̂(W_i) ≥ 0', variables: { r: { range: [0, Infinity] } }, abstract: [riskAsR] },
  'telescope.1': {
    domain: "η ∈ (0, 1], r = R̂(W_i) ≥ 0, s = R̂⁽ⁱ⁾(Z) ≥ 0, t' ≥ 1",
    variables: { eta: { range: [0, 1], open: 'lo' }, r: { range: [0, Infinity] }, s: { range: [0, Infinity] }, tp: { range: [1, Infinity] } },
    abstract: [
      { expr: R(W.at(index('i'))), as: r, premise: 'R̂(W_i) ≥ 0: a mean of logistic losses' },
      { expr: Rsurrogate(W.at(index('i'))), as: s, premise: 'R̂⁽ⁱ⁾(Z) ≥ 0: a mean of logistic losses' },
      { expr: prefix, as: tPrime, premise: "t' ≥ 1" },
    ],
  },
};
/**
 * How large η can be on the smallest instances: one point x = 1, one neuron, one step. With
 * z = y·a·W_0 and ζ = y·a·Z the claim at t = 1 is ℓ(z) − 2ℓ(ζ) ≤ 2ℓ'(z)(z − ζ) − ηℓ'(z)², and by the
 * convexity of ℓ its worst Z is ζ = z: it holds for every Z exactly when ηℓ'(z)² ≤ ℓ(z).
 */
const zv = param('z');
const oneStepClaim = {
  variable: 'eta',
  label: 'η',
  class: 'n = d = m = 1, x = 1, y = ±1, a = ±1, W_0 > 0, t = 1, every Z ∈ ℝ',
  reduction:
    "with z = y·a·W_0 and ζ = y·a·Z the claim at t = 1 reads ℓ(z) − 2ℓ(ζ) ≤ 2ℓ'(z)(z − ζ) − ηℓ'(z)² (W_1 = W_0 − η·y·a·ℓ'(z), R̂⁽⁰⁾(Z) = ℓ(ζ)); ℓ is convex, so its worst Z is ζ = z (the step second-term's link 3, with equality there), and the claim holds for every Z exactly when η·ℓ'(z)² ≤ ℓ(z) for every z; a counterexample at z is the instance W_0 = |z|, y·a = sign z, Z = W_0",
  lhs: eta.times(logisticPrime(zv).squared()),
  relation: '≤',
  rhs: logistic(zv),
  variables: { z: { range: [-Infinity, Infinity], open: 'both' } },
  pieces: [{ variable: 'z', range: [-Infinity, -10] }, { variable: 'z', range: [-10, 5] }, { variable: 'z', change: { map: 'negLog', to: 'u', range: [0, 0.007] } }],
  search: [1, 8],
} as const satisfies SharpHypothesisSpec;
/** `--profile large`: one trajectory of realistic size, every step checked at each of its 1,000 iterates. */
const LARGE = { n: 100, d: 10, m: 256, steps: 1000 };
const large = {
  description: `gradient descent at a realistic size, n = ${LARGE.n} points in d = ${LARGE.d}, m = ${LARGE.m} neurons, ${LARGE.steps.toLocaleString('en-US')} steps`,
  hypotheses: {
    setting: {
      arbitrary: gdSetting({ points: [LARGE.n, LARGE.n], dimension: [LARGE.d, LARGE.d], width: [LARGE.m, LARGE.m] }),
      domain: `n = ${LARGE.n} points ‖x_k‖ ≤ 1 of the audit's kinds, labels ±1 (separable, non-separable or at random); m = ${LARGE.m}, d = ${LARGE.d}, a_j ∈ {±1}; W_0 entries of either sign, magnitude in [s/16, s] for s ∈ {10^-4, 10^-2, 0.3, 1, 4}; some neuron active at W_0`,
      integers: ['n', 'd', 'm'],
    },
    t: { arbitrary: horizon(LARGE.steps, LARGE.steps), domain: `t = ${LARGE.steps.toLocaleString('en-US')} steps, cut at the first iterate where no ReLU is active on any x_k ≠ 0`, integer: true },
  },
  runs: 1,
  // Refining means a second trajectory in a slower arithmetic (10^8 decimal operations, or minutes of double-double): not at this size.
  refine: false,
  timeoutMs: 900_000,
};
const notation = reluNetNotation({ net, data, W, extra: { Z, η: eta, t } });
/** The claim is checked for every prefix t' = 1..t of the trajectory: its t is the prefix length. */
const forEveryPrefix = withNotation(notation, { symbols: { t: prefix } });

/** The lemma as written; exported so tests can build mutated copies of it. */
export const lemma94: LemmaSpec = {
  id: 'lemma-9.4',
  title: 'Lemma 9.4 (Ji & Telgarsky 2019): average risk along gradient descent against any Z',
  source: 'Lecture 15, Risk convergence: Lemma 9.4 and its proof sketch',
  hypotheses: {
    setting: {
      arbitrary: gdSetting({ points: [1, 12], dimension: [1, 6], width: [1, 16] }),
      domain:
        'n ∈ 1..12 points ‖x_k‖ ≤ 1 (on the sphere, inside, at radius 10^-6..10^-1, ±e_l, or 0), labels ±1: by a hyperplane (separable), with a point under both labels (non-separable), or at random; m ∈ 1..16, d ∈ 1..6, a_j ∈ {±1}; W_0 entries of either sign, magnitude in [s/16, s] for s ∈ {10^-4, 10^-2, 0.3, 1, 4}; some neuron active on some x_k at W_0',
      integers: ['n', 'd', 'm'],
    },
    eta: { arbitrary: stepSize(1), domain: 'η ∈ (0, 1]: 1, or log-uniform over 10^-6..1' },
    t: { arbitrary: horizon(HORIZON), domain: `t ∈ 1..${HORIZON} steps, cut at the first iterate where no ReLU is active on any x_k ≠ 0 (GD stays there; reported as a fact)`, integer: true },
    Z: {
      arbitrary: comparisonRecipe(),
      domain:
        "Z drawn independently of the trajectory: W_0 or W_t (float) plus a perturbation of size 10^-3..1 relative to the weights and the trajectory's extent; far out, entries up to 10^2..10^6; or W_0 plus a direction orthogonal to every ∇f(x_k; W_0) (tight at i = 0)",
    },
  },
  // A certified GD trajectory per instance: about four times the average lemma's cost per check.
  cost: 4,
  profiles: { large },
  setup: gradientDescentSetup,
  wholeDomain,
  notation,
  accounts: [
    { notes: String.raw`Let $\eta \leq 1$. Then, for any Z , we have`, reason: 'hypothesis: the domain of η is (0, 1], and relaxation 1 drops it' },
    { notes: String.raw`We have $\hat{R}^{(i)}(Z) \approx \hat{R}(Z)$`, reason: 'a heuristic remark: ≈ states no checkable relation' },
  ],
  proof: [
    {
      id: 'gradient-formula',
      notes: String.raw`\nabla \hat{R}(W) = \frac{1}{n} \sum_{k=1}^n \ell'(y_k \cdot f(x_k; W)) \cdot y_k \cdot \nabla f(x_k; W)`,
      lhs: gradR,
      relation: '=',
      rhs: sum('k', 1, n, (k) => scaledGradF(k, logisticPrime(margin(net, data, k, Wi)).times(yk(k)))).over(n),
      why: 'chain rule (Settings); the left side is the ∇R̂(W_i) the trajectory steps along, the right side the formula term by term',
      notation: withNotation(notation, { symbols: { W: Wi } }),
      over: everyIterate,
    },
    {
      id: 'surrogate-definition',
      notes: String.raw`\hat{R}^{(i)}(Z) = \frac{1}{n} \sum_{k=1}^n \ell(y_k \cdot \langle Z, \nabla f(x_k; W_i) \rangle)`,
      lhs: Rsurrogate(Wi),
      relation: '=',
      rhs: sum('k', 1, n, (k) => logistic(yk(k).times(pairingNetGradient(net, data, Z, k, Wi)))).over(n),
      why: 'definition of the surrogate risk at iterate i',
      over: everyIterate,
    },
    {
      id: 'surrogate-at-iterate',
      notes: String.raw`\hat{R}^{(i)}(W_i) = \hat{R}(W_i)`,
      lhs: surrogateRisk(net, data, Wi, Wi),
      relation: '=',
      rhs: R(Wi),
      why: '⟨W, ∇f(x; W)⟩ = f(x; W): σ(z) = σ\'(z)·z (the net is 1-homogeneous in W)',
      over: everyIterate,
    },
    {
      id: 'decomposition',
      notes: String.raw`\|W_{i+1} - Z\|_F^2 = \|W_i - Z\|_F^2 - 2\eta \langle \nabla \hat{R}(W_i), W_i - Z \rangle + \eta^2 \|\nabla \hat{R}(W_i)\|_F^2`,
      lhs: distance(Wnext),
      relation: '=',
      rhs: distance(Wi).minus(lit(2).times(eta).times(inner(gradR, Wi.minus(Z)))).plus(eta.squared().times(normSq(gradR))),
      why: 'W_{i+1} − Z = (W_i − Z) − η∇R̂(W_i), expanded',
      over: everyIterate,
    },
    {
      id: 'third-term',
      notes: String.raw`\|\nabla \hat{R}(W_i)\|_F^2 \leq (\min\{1, \hat{R}(W_i)\})^2 \leq \hat{R}(W_i)`,
      start: normSq(gradR),
      over: everyIterate,
      links: [
        {
          relation: '≤',
          expr: min(1, R(Wi)).squared(),
          why: '‖∇R̂(W)‖_F ≤ min{1, R̂(W)} (Settings)',
          notes: String.raw`\|\nabla \hat{R}(W_i)\|_F^2 \leq (\min\{1, \hat{R}(W_i)\})^2`,
        },
        {
          relation: '≤',
          expr: R(Wi),
          why: 'min{1, r}² ≤ r for r ≥ 0',
          notes: String.raw`(\min\{1, \hat{R}(W_i)\})^2 \leq \hat{R}(W_i)`,
        },
      ],
    },
    {
      id: 'after-third-term',
      notes: String.raw`\|W_{i+1} - Z\|_F^2 \leq \|W_i - Z\|_F^2 - 2\eta \langle \nabla \hat{R}(W_i), W_i - Z \rangle + \eta^2 \hat{R}(W_i)`,
      lhs: distance(Wnext),
      relation: '≤',
      rhs: distance(Wi).minus(lit(2).times(eta).times(inner(gradR, Wi.minus(Z)))).plus(eta.squared().times(R(Wi))),
      why: 'the decomposition with the third-term bound',
      over: everyIterate,
    },
    {
      id: 'second-term',
      notes: String.raw`\begin{aligned} \langle \nabla \hat{R}(W_i), Z - W_i \rangle &= \frac{1}{n} \sum_{k=1}^n y_k \cdot \ell'(y_k \cdot f(x_k; W_i)) \cdot \langle \nabla f(x_k; W_i), Z - W_i \rangle \\ &= \frac{1}{n} \sum_{k=1}^n \ell'(y_k \cdot f(x_k; W_i)) \cdot \left(\langle y_k \cdot \nabla f(x_k; W_i), Z \rangle - y_k \cdot f(x_k; W_i) \right) \\ &\leq \frac{1}{n} \sum_{k=1}^n \ell(\langle y_k \cdot \nabla f(x_k; W_i), Z \rangle) - \ell(y_k \cdot f(x_k; W_i)) \\ &\leq \hat{R}^{(i)}(Z) - \hat{R}(W_i) \end{aligned}`,
      start: inner(gradR, Z.minus(Wi)),
      over: everyIterate,
      links: [
        {
          relation: '=',
          expr: sum('k', 1, n, (k) => yk(k).times(logisticPrime(margin(net, data, k, Wi))).times(gradFPaired(k, Z.minus(Wi)))).over(n),
          why: 'the gradient formula, inner product term by term',
          notes: String.raw`&= \frac{1}{n} \sum_{k=1}^n y_k \cdot \ell'(y_k \cdot f(x_k; W_i)) \cdot \langle \nabla f(x_k; W_i), Z - W_i \rangle`,
        },
        {
          relation: '=',
          expr: sum('k', 1, n, (k) => {
            const fk = f(k);
            return logisticPrime(yk(k).times(fk)).times(gradFPaired(k, Z, yk(k)).minus(yk(k).times(fk)));
          }).over(n),
          why: '⟨∇f(x_k; W_i), W_i⟩ = f(x_k; W_i) (1-homogeneity), and y_k² = 1',
          notes: String.raw`&= \frac{1}{n} \sum_{k=1}^n \ell'(y_k \cdot f(x_k; W_i)) \cdot \left(\langle y_k \cdot \nabla f(x_k; W_i), Z \rangle - y_k \cdot f(x_k; W_i) \right)`,
        },
        {
          relation: '≤',
          // The sum runs over the difference: the subtracted term has the summation index k.
          expr: sum('k', 1, n, (k) => logistic(gradFPaired(k, Z, yk(k))).minus(logistic(yk(k).times(f(k))))).over(n),
          why: "ℓ convex: ℓ'(a)(b − a) ≤ ℓ(b) − ℓ(a)",
          notes: String.raw`&\leq \frac{1}{n} \sum_{k=1}^n \ell(\langle y_k \cdot \nabla f(x_k; W_i), Z \rangle) - \ell(y_k \cdot f(x_k; W_i))`,
        },
        {
          relation: '≤',
          expr: Rsurrogate(Wi).minus(R(Wi)),
          why: 'definitions of R̂⁽ⁱ⁾ and R̂ (the two sides are equal)',
          notes: String.raw`&\leq \hat{R}^{(i)}(Z) - \hat{R}(W_i)`,
        },
      ],
    },
    {
      id: 'one-step',
      notes: String.raw`\|W_{i+1} - Z\|_F^2 \leq \|W_i - Z\|_F^2 + 2\eta \hat{R}^{(i)}(Z) - 2\eta \hat{R}(W_i) + \eta^2 \hat{R}(W_i)`,
      lhs: distance(Wnext),
      relation: '≤',
      rhs: distance(Wi).plus(lit(2).times(eta).times(Rsurrogate(Wi))).minus(lit(2).times(eta).times(R(Wi))).plus(eta.squared().times(R(Wi))),
      why: 'the second-term bound, multiplied by 2η',
      over: everyIterate,
    },
    {
      id: 'reordering',
      notes: String.raw`(2 - \eta) \hat{R}(W_i) - 2\hat{R}^{(i)}(Z) \leq \frac{\|W_i - Z\|_F^2 - \|W_{i+1} - Z\|_F^2}{\eta}`,
      lhs: lit(2).minus(eta).times(R(Wi)).minus(lit(2).times(Rsurrogate(Wi))),
      relation: '≤',
      rhs: distance(Wi).minus(distance(Wnext)).over(eta),
      why: 'reordering the one-step inequality and dividing by η > 0',
      over: everyIterate,
    },
    {
      id: 'telescope',
      notes: CLAIM,
      start: claimLeft,
      over: everyPrefix,
      notation: forEveryPrefix,
      links: [
        {
          relation: '≤',
          expr: sum('i', 0, prefix.minus(1), (j) => lit(2).minus(eta).times(R(W.at(j))).minus(lit(2).times(Rsurrogate(W.at(j))))).over(prefix),
          why: '1 ≤ 2 − η (η ≤ 1) and R̂(W_i) ≥ 0',
          notes: TELESCOPE,
          handTranscribed: 'prose: the averaged reordered inequality, with 1 ≤ 2 − η',
        },
        {
          relation: '≤',
          expr: claimRight,
          why: 'the reordered inequality summed over i < t\'; the right sides telescope',
          notes: TELESCOPE,
          handTranscribed: 'prose: the telescoped sum of the reordered inequality',
        },
      ],
    },
    {
      id: 'claim',
      notes: CLAIM,
      lhs: claimLeft,
      relation: '≤',
      rhs: claimRight,
      why: "Lemma 9.4 for the prefix W_0 … W_{t'} of the trajectory",
      over: everyPrefix,
      notation: forEveryPrefix,
    },
  ],
  relaxations: [
    { hypothesis: 'eta', statement: 'η ≤ 1', relaxed: { arbitrary: halfOpen(1, 2), domain: 'η ∈ (1, 2]' }, systematic: smallestGdInstances([1.125, 1.25, 1.5, 1.75, 2], [1]) },
    // The claim itself needs only η‖∇R̂‖² ≤ R̂, i.e. η ≤ 1/max_z(ℓ'(z)²/ℓ(z)) ≈ 2.455: beyond, look for failures of the claim.
    {
      hypothesis: 'eta', statement: 'η ≤ 1', relaxed: { arbitrary: halfOpen(2.5, 8), domain: 'η ∈ (2.5, 8]' }, steps: ['claim'], systematic: smallestGdInstances([2.625, 3, 3.5, 4, 5, 6, 7, 8]),
      sharp: oneStepClaim,
    },
  ],
};

export default defineLemma(lemma94);
