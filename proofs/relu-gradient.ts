// Lecture 15, "Settings": the gradient of the two-layer ReLU net and the bound ‖∇f(x; W)‖_F² ≤ 1.
import { inner, lit, normSq, param, reluPrime, sum } from '../src/language/builder.js';
import { defineLemma } from '../src/language/lemma.js';
import { netGradient, netGradientFormula } from '../src/models/relu-net.js';
import { reluNetAndPoint } from '../src/domains/nets.js';
import { netAtPointNotation } from '../notes/glossary.js';

const x = param('x');
const W = param('W');
const net = { a: param('a'), m: param('m') };
const m = net.m;
const gradientOfF = netGradient(net, x, W);

export default defineLemma({
  id: 'relu-gradient',
  title: 'Gradient of the two-layer ReLU net, and ‖∇f(x; W)‖_F² ≤ 1',
  source: 'Lecture 15, Settings: two-layer ReLU net, only the first layer trained',
  notation: netAtPointNotation({ net, x, W }),
  accounts: [
    { notes: String.raw`f(x; w) = \frac{1}{\sqrt{m}} \sum_j a_j \sigma(\langle x, w_j \rangle)`, reason: 'definition of the net: the model function every step evaluates (src/models/relu-net.ts)' },
  ],
  hypotheses: {
    net: {
      arbitrary: reluNetAndPoint({ width: [1, 16], dimension: [1, 8] }),
      domain: 'm ∈ 1..16, d ∈ 1..8, a_j ∈ {±1}, entries of W of either sign with |W_jk| log-uniform in 10^-6..10^2 (and 10^-300), ‖x‖ ≤ 1 (on the sphere, inside at any radius, or 0)',
      integers: ['m', 'd'],
    },
  },
  proof: [
    {
      id: 'gradient-rows',
      notes: String.raw`\nabla f(x; W) = \frac{1}{\sqrt{m}} \cdot \begin{bmatrix} a_1 \sigma'(w_1^\top x) x \\ \dots \\ a_m \sigma'(w_m^\top x) x \end{bmatrix}`,
      lhs: gradientOfF,
      relation: '=',
      rhs: netGradientFormula(net, x, W),
      why: 'chain rule: row j of W enters f only through a_j σ(⟨x, w_j⟩)',
      handTranscribed: 'a matrix written by its rows a_1 … a_m with \\dots: the compiler reads no elided rows',
    },
    {
      id: 'gradient-norm',
      notes: String.raw`\| \nabla f(x; W) \|_F^2 = \frac{1}{m} \sum_{j=1}^m \left\| \sigma'(w_j^\top x) x \right\|_2^2 \leq \frac{1}{m} \sum_{j=1}^m \|x\|_2^2 \leq 1`,
      start: normSq(gradientOfF),
      links: [
        {
          relation: '=',
          expr: sum('j', 1, m, (j) => normSq(reluPrime(inner(W.at(j), x)).times(x))).over(m),
          why: 'a_j² = 1',
          notes: String.raw`= \frac{1}{m} \sum_{j=1}^m \left\| \sigma'(w_j^\top x) x \right\|_2^2`,
        },
        {
          relation: '≤',
          expr: sum('j', 1, m, () => normSq(x)).over(m),
          why: "0 ≤ σ' ≤ 1",
          notes: String.raw`\leq \frac{1}{m} \sum_{j=1}^m \|x\|_2^2`,
        },
        { relation: '≤', expr: lit(1), why: '‖x‖ ≤ 1', notes: String.raw`\leq 1` },
      ],
    },
  ],
});
