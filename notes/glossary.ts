// The glossary of lecture 15: what each symbol of the notes means to the checker.
//
// A step's LaTeX is compiled with these meanings into the expression the checker evaluates (floats,
// intervals, decimals). A symbol is a value (n, t, γ̄, x_i = row i of X), a model's weights (w, ŵ, w(t)),
// or a function (ℓ, m_i, 𝓛, f…). Indices, sums with their bounds, min/max, ‖·‖ (‖·‖_F is the same norm on
// the flattened tensor), ⟨·,·⟩, fractions, powers, log, log², log_+, exp and w_j^⊤x are read by the
// compiler itself (src/notes/compile.ts). Keys are the notes' symbols as Unicode: \hat{R} is R̂,
// \bar{\gamma} is γ̄, \mathcal{L} is 𝓛, \dot{w} is ẇ; ℓ⁻¹ is \ell^{-1}; R̂⁽⁾ is \hat{R}^{(i)}; ∇𝓛 is \nabla \mathcal{L}.
import { exp, grad, lit, neg, param, type E } from '../src/language/builder.js';
import { fn, type Meaning, type Notation } from '../src/notes/compile.js';
import {
  ell, ellInverse, ellPrime, limsupAsCGrows, margin, normalizedMargin, risk, smoothMargin, weights,
  type HomogeneousModel, type Sample, type Weights,
} from '../src/models/margin-functions.js';
import * as relu from '../src/models/relu-net-functions.js';
import * as netAt from '../src/models/relu-net.js';
import { logistic, logisticInverse, logisticPrime, relu as sigma, reluPrime } from '../src/language/builder.js';
import type { LabelledSample, ReluNet } from '../src/models/relu-net.js';

/** Merges notations: later symbols and forms win. */
export function withNotation(base: Notation, extra: Partial<Notation>): Notation {
  return {
    ...base,
    ...extra,
    symbols: { ...base.symbols, ...extra.symbols },
    forms: { ...base.forms, ...extra.forms },
    ranges: { ...base.ranges, ...extra.ranges },
  };
}

// --- Settings and Risk convergence (Lemma 9.4): the two-layer ReLU net f(x; W) = (1/√m) Σ_j a_j σ(⟨x, w_j⟩),
// only W trained, under the logistic loss ℓ(z) = log(1 + e^{−z}).

export interface ReluNetSection {
  net: ReluNet;
  data: LabelledSample;
  /** The trajectory W_0 … W_t (W_i its i-th iterate). */
  W: E;
  extra?: Record<string, Meaning>;
}

/** The logistic loss and its derivative, of a real z. */
export const logisticLoss: Record<string, Meaning> = {
  ℓ: fn(({ args }) => logistic(args[0].expr())),
  "ℓ'": fn(({ args }) => logisticPrime(args[0].expr())),
  'ℓ⁻¹': fn(({ args }) => logisticInverse(args[0].expr())),
};

/**
 * The net at a single point x (Settings): f(x; W), ∇f(x; W), σ, σ', and w_j = row j of W.
 * At a data point x_k the functions are those of reluNetNotation.
 */
export function netAtPointNotation({ net, x, W }: { net: ReluNet; x: E; W: E }): Notation {
  return {
    symbols: {
      m: net.m,
      a: net.a,
      x,
      W,
      w: W,
      σ: fn(({ args }) => sigma(args[0].expr())),
      "σ'": fn(({ args }) => reluPrime(args[0].expr())),
      f: fn(({ args }) => netAt.netOutput(net, args[0].expr(), args[1].expr())),
      '∇f': fn(({ args }) => netAt.netGradient(net, args[0].expr(), args[1].expr())),
    },
  };
}

export function reluNetNotation({ net, data, W, extra }: ReluNetSection): Notation {
  return {
    symbols: {
      n: data.n,
      m: net.m,
      x: data.X,
      y: data.y,
      a: net.a,
      W,
      η: param('eta', { label: 'η' }),
      t: param('t'),
      ...logisticLoss,
      σ: fn(({ args }) => sigma(args[0].expr())),
      "σ'": fn(({ args }) => reluPrime(args[0].expr())),
      'R̂': fn(({ args }) => relu.risk(net, data, args[0].expr())),
      '∇R̂': fn(({ args }) => relu.riskGradient(net, data, args[0].expr())),
      'R̂⁽⁾': fn(({ args, sup }) => relu.surrogateRisk(net, data, args[0].expr(), W.at(sup!.expr()))),
      // f(x_k; W) and ∇f(x_k; W): the net at the data point x_k.
      f: fn(({ args }) => relu.netOutput(net, data, args[0].indexOf('x'), args[1].expr())),
      '∇f': fn(({ args }) => relu.netGradient(net, data, args[0].indexOf('x'), args[1].expr())),
      ...extra,
    },
    // ⟨∇f(x_k; W), V⟩ without the m × d matrix ∇f(x_k; W).
    pairings: {
      '∇f': ({ args }, V, scale, order) =>
        order === 'left' || scale
          ? relu.netGradientPairing(net, data, args[0].indexOf('x'), args[1].expr(), V, scale)
          : relu.pairingNetGradient(net, data, V, args[0].indexOf('x'), args[1].expr()),
    },
  };
}

// --- Margin maximization: an L-homogeneous model under the exponential loss ℓ(z) = e^{−z},
// m_i(w) = y_i f(x_i; w), 𝓛(w) = Σ_i ℓ(m_i(w)), γ(w) = min_i m_i(w/‖w‖), γ̃(w) = ℓ⁻¹(𝓛(w))/‖w‖^L.

export interface MarginSection {
  model: HomogeneousModel;
  data: Sample;
  /** The weights the notes call w (and ŵ, where the section has one). */
  w?: Weights;
  wHat?: Weights;
  extra?: Record<string, Meaning>;
  forms?: Record<string, Meaning>;
  /** lim sup_{c→∞} as its computable form (Prop. 10.1). */
  limit?: Notation['limit'];
}

export const gammaBar = param('gammaBar', { label: 'γ̄' });
export const ubar = weights('ū', param('ubar', { label: 'ū' }));

export function marginNotation({ model, data, w, wHat, extra, forms, limit }: MarginSection): Notation {
  const risks = new Map<Weights, E>();
  const riskOf = (v: Weights): E => {
    let r = risks.get(v);
    if (!r) risks.set(v, (r = risk(model, data, v)));
    return r;
  };
  return {
    symbols: {
      n: data.n,
      N: data.n,
      x: data.X,
      y: data.y,
      L: lit(model.degree),
      e: exp(lit(1)).as('e'),
      c: param('c'),
      t: param('t'),
      'γ̄': gammaBar,
      'ū': ubar,
      ...(w ? { w } : {}),
      ...(wHat ? { 'ŵ': wHat } : {}),
      ℓ: fn(({ args }) => ell(args[0].expr())),
      "ℓ'": fn(({ args }) => ellPrime(args[0].expr())),
      'ℓ⁻¹': fn(({ args }) => ellInverse(args[0].expr())),
      m: fn(({ sub, args }) => margin(model, data, sub!.expr(), args[0].weights())),
      f: fn(({ args }) => model.output(args[0].expr(), args[1].weights())),
      '𝓛': fn(({ args }) => riskOf(args[0].weights())),
      γ: fn(({ args }) => normalizedMargin(model, data, args[0].weights())),
      'γ̃': fn(({ args }) => smoothMargin(model, data, args[0].weights())),
      ...extra,
    },
    forms: { ...forms },
    ranges: { i: [1, data.n] },
    ...(limit ? { limit } : {}),
  };
}

/** γ̄ = max_{‖w‖=1} γ(w), attained at ū: the setup certifies ū and γ̄ for the linear model (exact optimality certificate). */
export function maxMarginForms(model: HomogeneousModel, data: Sample): Record<string, Meaning> {
  return { [String.raw`\max_{\|w\|=1} \gamma(w)`]: normalizedMargin(model, data, ubar) };
}

/** lim sup_{c→∞} g(c) for the Prop. 10.1 chain: certified as [0, g(C)] at a C where g(C) < 10^−300 (see limsupAsCGrows). */
export function limsupAt(C: E, certificate: E): Notation['limit'] {
  return (kind, body) => {
    if (kind !== 'limsup') throw new Error('only lim sup has a computable form here');
    return limsupAsCGrows(body, C, certificate);
  };
}

// --- Gradient flow (Lemma 10.1, Theorem 10.1): the linear model's flow ẇ = −∇𝓛(w), w(0) = 0, sampled at t.

export interface FlowSection {
  model: HomogeneousModel;
  data: Sample;
  extra?: Record<string, Meaning>;
  forms?: Record<string, Meaning>;
}

/** w(t) (also w_t), w(s) at the sampled s = t, and w(0) = 0. */
export const flowWeights = {
  t: weights('w(t)', param('w', { label: 'w(t)' })),
  s: weights('w(s)', param('w', { label: 'w(s)' })),
  0: weights('w(0)', param('w0', { label: 'w(0)' })),
};

export function flowNotation({ model, data, extra, forms }: FlowSection): Notation {
  const at = (time: string): Weights => {
    const w = flowWeights[time as keyof typeof flowWeights];
    if (!w) throw new Error(`the flow is sampled at t (and s = t), and starts at 0; not at ${time}`);
    return w;
  };
  const riskOf = (v: Weights): E => risk(model, data, v);
  const velocity = (time: string): E => {
    const w = at(time);
    return neg(grad(w.parts[0], (V) => riskOf(weights(w.label, V)), `∇𝓛(${w.label})`)).as(`ẇ(${time})`);
  };
  const base = marginNotation({ model, data });
  return withNotation(base, {
    symbols: {
      w: fn(({ args, sub }) => at((args[0] ?? sub)!.text)),
      s: param('t', { label: 's' }),
      '∇𝓛': fn(({ args }) => {
        const w = args[0].weights();
        return grad(w.parts[0], (V) => riskOf(weights(w.label, V)), `∇𝓛(${w.label})`);
      }),
      ẇ: fn(({ args }) => velocity(args[0].text)),
      ...extra,
    },
    forms: { ...forms },
  });
}

export { param };
