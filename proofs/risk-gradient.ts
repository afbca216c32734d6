// Lecture 15, "Settings": the gradient of the empirical logistic risk and ‖∇R̂(W)‖_F ≤ min{1, R̂(W)}.
import { abs, logisticPrime, min, norm, param, sum } from '../src/language/builder.js';
import { defineLemma } from '../src/language/lemma.js';
import { margin, netGradient, risk, riskGradient } from '../src/models/relu-net.js';
import { reluNetAndData } from '../src/domains/nets.js';
import { reluNetNotation } from '../notes/glossary.js';

const W = param('W');
const net = { a: param('a'), m: param('m') };
const data = { X: param('X', { label: 'x' }), y: param('y'), n: param('n') };
const n = data.n;
const slope = (k: Parameters<typeof margin>[2]) => logisticPrime(margin(net, data, k, W));
const gradientOfF = (k: Parameters<typeof margin>[2]) => netGradient(net, data.X.at(k), W);

export default defineLemma({
  id: 'risk-gradient',
  title: '‖∇R̂(W)‖_F ≤ min{1, R̂(W)} for the logistic risk',
  source: 'Lecture 15, Settings: from the useful fact',
  notation: reluNetNotation({ net, data, W }),
  accounts: [
    { notes: String.raw`\hat{R}(W) := \frac{1}{n} \sum_{k=1}^n \ell(y_k \cdot f(x_k; W))`, reason: "definition of R̂: the risk the steps evaluate (the glossary's R̂)" },
  ],
  hypotheses: {
    setting: {
      arbitrary: reluNetAndData({ width: [1, 8], dimension: [1, 4], points: [1, 8] }),
      domain: 'n ∈ 1..8 points ‖x_k‖ ≤ 1 with labels ±1, m ∈ 1..8, d ∈ 1..4, a_j ∈ {±1}, entries of W of either sign with |W_jk| log-uniform in 10^-6..10^2 (and 10^-300)',
      integers: ['m', 'd', 'n'],
    },
  },
  proof: [
    {
      id: 'gradient-formula',
      notes: String.raw`\nabla \hat{R}(W) = \frac{1}{n} \sum_{k=1}^n \ell'(y_k \cdot f(x_k; W)) \cdot y_k \cdot \nabla f(x_k; W)`,
      lhs: riskGradient(net, data, W),
      relation: '=',
      rhs: sum('k', 1, n, (k) => slope(k).times(data.y.at(k)).times(gradientOfF(k))).over(n),
      why: 'chain rule',
    },
    {
      id: 'gradient-norm',
      notes: String.raw`\begin{aligned} \left\| \nabla \hat{R}(W) \right\|_F &\leq \frac{1}{n} \sum_{k=1}^n \left| \ell'(y_k \cdot f(x_k; W)) \right| \cdot \left\| y_k \cdot \nabla f(x_k; W) \right\|_F \\ &\leq \frac{1}{n} \sum_{k=1}^n \left| \ell'(y_k \cdot f(x_k; W)) \right| \\ &\leq \min\{1, \hat{R}(W)\} \end{aligned}`,
      start: norm(riskGradient(net, data, W)),
      links: [
        {
          relation: '≤',
          expr: sum('k', 1, n, (k) => abs(slope(k)).times(norm(data.y.at(k).times(gradientOfF(k))))).over(n),
          why: 'triangle inequality',
          notes: String.raw`&\leq \frac{1}{n} \sum_{k=1}^n \left| \ell'(y_k \cdot f(x_k; W)) \right| \cdot \left\| y_k \cdot \nabla f(x_k; W) \right\|_F`,
        },
        {
          relation: '≤',
          expr: sum('k', 1, n, (k) => abs(slope(k))).over(n),
          why: '‖∇f(x; W)‖_F ≤ 1 and |y_k| = 1',
          notes: String.raw`&\leq \frac{1}{n} \sum_{k=1}^n \left| \ell'(y_k \cdot f(x_k; W)) \right|`,
        },
        {
          relation: '≤',
          expr: min(1, risk(net, data, W)),
          why: "|ℓ'| < 1 and |ℓ'| ≤ ℓ",
          notes: String.raw`&\leq \min\{1, \hat{R}(W)\}`,
        },
      ],
    },
  ],
});
