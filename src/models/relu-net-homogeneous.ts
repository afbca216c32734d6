import type { Arith } from '../arithmetic/arith.js';
import { type Dataset, sampleCount } from './dataset.js';

/**
 * Two-layer ReLU net with both layers trained:
 *   f(x; a, W) = Σ_{j=1}^{m} a_j σ(⟨w_j, x⟩),  σ(z) = max(0, z),
 * with no 1/√m factor. It is 2-homogeneous in θ = (a, W): f(x; cθ) = c² f(x; θ)
 * for c > 0, so the notes' L-homogeneous statements apply with L = 2 and
 * ‖θ‖² = ‖a‖² + ‖W‖_F². (A constant factor such as 1/√m would not change the
 * homogeneity; leaving it out keeps the margins in the notes' form.)
 *
 * Exponential loss: margins m_i(θ) = y_i f(x_i; θ), risk L(θ) = Σ_i exp(−m_i(θ)).
 * Gradient (σ' from the arithmetic; σ'(0) is the interval [0, 1] in the
 * certified instances, so certified iterates enclose gradient descent for
 * every choice of the derivative at a kink):
 *   ∂L/∂a_j = −Σ_i e_i y_i σ(⟨w_j, x_i⟩),  ∂L/∂w_j = −Σ_i e_i y_i a_j σ'(⟨w_j, x_i⟩) x_i,
 * with e_i = exp(−m_i(θ)).
 */

export interface ReluNetParameters<T> {
  /** Output weights a_j (length m). */
  a: T[];
  /** Hidden weights w_j (m rows of length d). */
  W: T[][];
}

function pointIn<T>(A: Arith<T>, x: readonly number[]): T[] {
  return x.map((v) => A.num(v));
}

/** f(x; θ). */
export function netOutput<T>(A: Arith<T>, theta: ReluNetParameters<T>, x: readonly T[]): T {
  return A.sum(theta.W.map((w, j) => A.mul(theta.a[j], A.relu(A.dot(w, x)))));
}

/** m_i(θ) = y_i f(x_i; θ). */
export function netMargins<T>(A: Arith<T>, data: Dataset, theta: ReluNetParameters<T>): T[] {
  return data.X.map((x, i) => {
    const f = netOutput(A, theta, pointIn(A, x));
    return data.y[i] < 0 ? A.neg(f) : f;
  });
}

/** L(θ) = Σ_i exp(−m_i(θ)). */
export function netRisk<T>(A: Arith<T>, data: Dataset, theta: ReluNetParameters<T>): T {
  return A.sum(netMargins(A, data, theta).map((m) => A.expLoss(m)));
}

/** ‖θ‖² = ‖a‖² + ‖W‖_F². */
export function parameterNormSquared<T>(A: Arith<T>, theta: ReluNetParameters<T>): T {
  return A.add(A.sum(theta.a.map((v) => A.sqr(v))), A.sum(theta.W.flat().map((v) => A.sqr(v))));
}

/** γ(θ) = min_i m_i(θ) / ‖θ‖² (L = 2). */
export function netNormalizedMargin<T>(A: Arith<T>, data: Dataset, theta: ReluNetParameters<T>): T {
  const m = netMargins(A, data, theta).reduce((p, q) => A.min(p, q));
  return A.div(m, parameterNormSquared(A, theta));
}

/** γ̃(θ) = ℓ⁻¹(L(θ)) / ‖θ‖² = −log L(θ) / ‖θ‖². */
export function netSmoothMargin<T>(A: Arith<T>, data: Dataset, theta: ReluNetParameters<T>): T {
  return A.div(A.expLossInverse(netRisk(A, data, theta)), parameterNormSquared(A, theta));
}

/** ∇L(θ) (see the header for the formula and the kink convention). */
export function netGradient<T>(A: Arith<T>, data: Dataset, theta: ReluNetParameters<T>): ReluNetParameters<T> {
  const n = sampleCount(data);
  const xs = data.X.map((x) => pointIn(A, x));
  // c_i = −y_i e_i = ℓ'(m_i) y_i.
  const coef = netMargins(A, data, theta).map((m, i) => {
    const e = A.expLoss(m);
    return data.y[i] < 0 ? e : A.neg(e);
  });
  const a: T[] = [];
  const W: T[][] = [];
  theta.W.forEach((w, j) => {
    const pre = xs.map((x) => A.dot(w, x));
    a.push(A.dot(coef, pre.map((z) => A.relu(z))));
    const g = pre.map((z, i) => A.mul(coef[i], A.reluPrime(z)));
    const row: T[] = [];
    for (let k = 0; k < w.length; k++) {
      const col: T[] = [];
      for (let i = 0; i < n; i++) col.push(xs[i][k]);
      row.push(A.mul(theta.a[j], A.dot(g, col)));
    }
    W.push(row);
  });
  return { a, W };
}

/** cθ (f(x; cθ) = c² f(x; θ) for c ≥ 0). */
export function scaleParameters<T>(A: Arith<T>, theta: ReluNetParameters<T>, c: T): ReluNetParameters<T> {
  return { a: theta.a.map((v) => A.mul(c, v)), W: theta.W.map((w) => w.map((v) => A.mul(c, v))) };
}

/** Lifts double parameters into an arithmetic (exact). */
export function parametersIn<T>(A: Arith<T>, theta: { a: readonly number[]; W: readonly (readonly number[])[] }): ReluNetParameters<T> {
  return { a: theta.a.map((v) => A.num(v)), W: theta.W.map((w) => w.map((v) => A.num(v))) };
}

/**
 * Gradient descent θ_{k+1} = θ_k − η∇L(θ_k), all iterates θ_0..θ_steps.
 * With a certified arithmetic every iterate encloses the exact one (boxes:
 * widths may grow along the run; report them with `parameterWidth`).
 */
export function netGradientDescent<T>(
  A: Arith<T>,
  data: Dataset,
  theta0: ReluNetParameters<T>,
  stepSize: T,
  steps: number,
): ReluNetParameters<T>[] {
  const out = [theta0];
  let theta = theta0;
  for (let k = 0; k < steps; k++) {
    const g = netGradient(A, data, theta);
    theta = {
      a: theta.a.map((v, j) => A.sub(v, A.mul(stepSize, g.a[j]))),
      W: theta.W.map((w, j) => w.map((v, l) => A.sub(v, A.mul(stepSize, g.W[j][l])))),
    };
    out.push(theta);
  }
  return out;
}

/** Largest enclosure width among the parameters. */
export function parameterWidth<T>(A: Arith<T>, theta: ReluNetParameters<T>): number {
  let w = 0;
  for (const v of theta.a) w = Math.max(w, A.width(v));
  for (const row of theta.W) for (const v of row) w = Math.max(w, A.width(v));
  return w;
}
