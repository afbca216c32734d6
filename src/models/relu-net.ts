import { print } from '../language/print.js';
import { E, grad, inner, logistic, logisticPrime, relu, reluPrime, rows, sqrt, sum, type Operand } from '../language/builder.js';

/**
 * The notes' two-layer ReLU net with only the first layer trained,
 *   f(x; W) = (1/√m) Σ_j a_j σ(⟨x, w_j⟩),  a_j ∈ {±1},
 * and its logistic risk R̂(W) = (1/n) Σ_k ℓ(y_k f(x_k; W)), as expressions:
 * evaluated in any arithmetic, printed in the notes' notation.
 */
export interface ReluNet {
  /** Output layer signs a_1 … a_m. */
  a: E;
  /** Width m (an integer parameter). */
  m: E;
}

export interface LabelledSample {
  X: E;
  y: E;
  n: E;
}

/** f(x; W) */
export function netOutput(net: ReluNet, x: E, W: E, label = `f(${show(x)}; ${show(W)})`): E {
  return sum('j', 1, net.m, (j) => net.a.at(j).times(relu(inner(x, W.at(j))))).over(sqrt(net.m)).as(label);
}

/** ∇_W f(x; W), by automatic differentiation of f (σ'(0) = [0, 1], Clarke's gradient at a kink). */
export function netGradient(net: ReluNet, x: E, W: E, label = `∇f(${show(x)}; ${show(W)})`): E {
  return grad(W, (V) => netOutput(net, x, V), label);
}

/** The notes' formula for ∇f(x; W): rows a_j σ'(w_jᵀx) x, scaled by 1/√m. */
export function netGradientFormula(net: ReluNet, x: E, W: E): E {
  return rows('j', 1, net.m, (j) => net.a.at(j).times(reluPrime(inner(W.at(j), x))).times(x)).over(sqrt(net.m));
}

/** y_k f(x_k; W) */
export function margin(net: ReluNet, data: LabelledSample, k: Operand, W: E, label?: string): E {
  return data.y.at(k).times(netOutput(net, data.X.at(k), W, label));
}

/** R̂(W) = (1/n) Σ_k ℓ(y_k f(x_k; W)) */
export function risk(net: ReluNet, data: LabelledSample, W: E, label = `R̂(${show(W)})`): E {
  return sum('k', 1, data.n, (k) => logistic(margin(net, data, k, W))).over(data.n).as(label);
}

/** ∇R̂(W), by automatic differentiation of the risk. */
export function riskGradient(net: ReluNet, data: LabelledSample, W: E, label = `∇R̂(${show(W)})`): E {
  return grad(W, (V) => risk(net, data, V), label);
}

/** The notes' formula: (1/n) Σ_k ℓ'(y_k f(x_k; W)) y_k ∇f(x_k; W). */
export function riskGradientFormula(net: ReluNet, data: LabelledSample, W: E): E {
  return sum('k', 1, data.n, (k) =>
    logisticPrime(margin(net, data, k, W)).times(data.y.at(k)).times(netGradientFormula(net, data.X.at(k), W)),
  ).over(data.n);
}

const show = (e: E): string => print(e.node);
