import { DomainError } from '../arithmetic/domain-error.js';
import type { Arith } from '../arithmetic/arith.js';
import { E, call, expLoss, expLossInverse, inner, minOver, neg, normSq, param, relu, sqrt, sum, type Operand } from '../language/builder.js';
import type { ModelFunction } from '../language/expr.js';
import { print } from '../language/print.js';
import { asScalar, scalar, type Value } from '../language/value.js';

/**
 * The notes' margin vocabulary as expressions (printed in the notes'
 * notation, evaluated in any arithmetic): the exponential loss ℓ, its
 * inverse and derivative, margins m_i(w) = y_i·f(x_i; w), the unnormalized
 * risk 𝓛(w) = Σ_i ℓ(m_i(w)), the margin γ and the smooth margin γ̃, for an
 * L-homogeneous model: the linear model (L = 1) or the two-layer ReLU net
 * with both layers trained (L = 2).
 */

const show = (e: Operand): string => (typeof e === 'number' ? String(e) : print(e.node));

/** ℓ(z) = exp(−z). */
export const ell = (z: Operand): E => expLoss(z);
/** ℓ⁻¹(v) = −log v. */
export const ellInverse = (v: Operand): E => expLossInverse(v);
/** ℓ'(z) = −exp(−z). */
export const ellPrime = (z: Operand): E => neg(expLoss(z)).as(`ℓ'(${show(z)})`);

/** Weights of a model: one tensor (linear) or several (the net's a and W). Scaling and norms act on all parts at once. */
export interface Weights {
  readonly parts: readonly E[];
  readonly label: string;
}

export function weights(label: string, ...parts: E[]): Weights {
  return { parts, label };
}

/** ‖w‖ over all parts. */
export function weightNorm(w: Weights): E {
  return sqrt(w.parts.map((p) => normSq(p)).reduce((a, b) => a.plus(b))).as(`‖${w.label}‖`);
}

/** c·w */
export function scaled(c: Operand, w: Weights, label = `${show(c)}${w.label}`): Weights {
  return { parts: w.parts.map((p) => (typeof c === 'number' ? p.times(c) : c.times(p))), label };
}

/** w/‖w‖ */
export function normalized(w: Weights): Weights {
  const norm = weightNorm(w);
  return { parts: w.parts.map((p) => p.over(norm)), label: `${w.label}/‖${w.label}‖` };
}

/** An L-homogeneous predictor f(x; w): f(x; cw) = c^L f(x; w) for c > 0. */
export interface HomogeneousModel {
  readonly name: string;
  /** The homogeneity degree L. */
  readonly degree: number;
  output(x: E, w: Weights): E;
}

/** f(x; w) = ⟨w, x⟩. */
export const linearModel: HomogeneousModel = {
  name: 'linear model',
  degree: 1,
  output: (x, w) => inner(w.parts[0], x).as(`⟨${w.label}, ${show(x)}⟩`),
};

/** f(x; (a, W)) = Σ_j a_j σ(⟨w_j, x⟩), both layers trained: 2-homogeneous in (a, W). Weights are (a, W). */
export function twoLayerReluNet(width: E): HomogeneousModel {
  return {
    name: 'two-layer ReLU net',
    degree: 2,
    output: (x, w) => {
      const [a, W] = w.parts;
      return sum('j', 1, width, (j) => a.at(j).times(relu(inner(W.at(j), x)))).as(`f(${show(x)}; ${w.label})`);
    },
  };
}

/** A labelled sample: points X (rows x_1 … x_n), labels y, size n (integer). */
export interface Sample {
  readonly X: E;
  readonly y: E;
  readonly n: E;
}

/** m_i(w) = y_i · f(x_i; w) */
export function margin(model: HomogeneousModel, data: Sample, i: Operand, w: Weights): E {
  return data.y.at(i).times(model.output(data.X.at(i), w)).as(`m${subscript(i)}(${w.label})`);
}

/** 𝓛(w) = Σ_i ℓ(m_i(w)) */
export function risk(model: HomogeneousModel, data: Sample, w: Weights): E {
  return sum('i', 1, data.n, (i) => ell(margin(model, data, i, w))).as(`𝓛(${w.label})`);
}

/** min_i m_i(w) */
export function minMargin(model: HomogeneousModel, data: Sample, w: Weights): E {
  return minOver('i', 1, data.n, (i) => margin(model, data, i, w));
}

/** ‖w‖^L */
export function normPower(model: HomogeneousModel, w: Weights): E {
  const norm = weightNorm(w);
  return (model.degree === 1 ? norm : norm.pow(model.degree)).as(model.degree === 1 ? `‖${w.label}‖` : `‖${w.label}‖^${model.degree}`);
}

/** γ(w) = min_i m_i(w/‖w‖), the definition. */
export function normalizedMargin(model: HomogeneousModel, data: Sample, w: Weights): E {
  return minMargin(model, data, normalized(w)).as(`γ(${w.label})`);
}

/** γ̃(w) = ℓ⁻¹(𝓛(w)) / ‖w‖^L */
export function smoothMargin(model: HomogeneousModel, data: Sample, w: Weights): E {
  return ellInverse(risk(model, data, w)).over(normPower(model, w)).as(`γ̃(${w.label})`);
}

const SUBSCRIPTS: Record<string, string> = { i: 'ᵢ', j: 'ⱼ', k: 'ₖ', n: 'ₙ', '1': '₁', '2': '₂', '3': '₃' };

function subscript(i: Operand): string {
  const s = show(i);
  return SUBSCRIPTS[s] ?? `_{${s}}`;
}

/**
 * lim sup_{c→∞} g(c) for a g that is ≥ 0 and non-increasing in c once
 * `monotoneWhenPositive` is > 0 (e.g. ℓ(c^L m_i(ŵ)) with min_i m_i(ŵ) > 0).
 * No finite evaluation certifies a limit by itself; what is computed is the
 * ε–C statement "0 ≤ g(c) ≤ g(C) for every c ≥ C", so the lim sup lies in
 * [0, g(C)]. The proof chooses C so large that g(C) < 10^−300, and compares
 * with an absolute tolerance of 10^−300. If the certificate is negative,
 * g grows without bound and the lim sup is +∞ (undefined here).
 */
export function limsupAsCGrows(body: (c: E) => E, C: E, monotoneWhenPositive: E): E {
  const printed = `lim sup_{c→∞} ${print(body(param('c')).node)}`;
  return call(limsupFunction(printed), body(C), monotoneWhenPositive);
}

function limsupFunction(printed: string): ModelFunction {
  return {
    name: 'limsup',
    print: () => printed,
    evaluate<T>(A: Arith<T>, args: readonly Value<T>[]): Value<T> {
      const atC = asScalar(args[0], 'lim sup: g(C)');
      const certificate = asScalar(args[1], 'lim sup: monotonicity certificate');
      if (A.hi(certificate) < 0) throw new DomainError('lim sup', true, 'the sequence grows without bound (+∞)');
      if (!(A.lo(certificate) > 0)) throw new DomainError('lim sup', false, 'monotonicity not certified');
      if (A.lo(atC) < 0) throw new DomainError('lim sup', A.hi(atC) < 0, 'g(C) < 0: not a loss');
      return scalar(A.hull(A.num(0), atC));
    },
  };
}

/** Above this many candidates for the largest term, sumMinusLargest subtracts each from the sum (linear in n, not quadratic). */
const MANY_CANDIDATES = 16;

/**
 * Σ_i a_i − max_i a_i for a vector (a_1 … a_n), evaluated without the
 * dependency that separates two enclosures of the same real: it is the sum
 * of all terms but the largest, exactly 0 when n = 1. When the largest term
 * is not certain, the hull over every candidate for it (sound: the true
 * value is the sum without the true maximum).
 */
export function sumMinusLargest(values: E, label: string): E {
  return call(
    {
      name: 'sum-minus-largest',
      print: () => label,
      evaluate<T>(A: Arith<T>, args: readonly Value<T>[]): Value<T> {
        const a = args[0].data;
        if (args[0].shape.length !== 1 || a.length === 0) throw new Error('sum minus largest: a non-empty vector expected');
        if (a.length === 1) return scalar(A.num(0));
        const floor = a.reduce((m, x) => Math.max(m, A.lo(x)), -Infinity);
        const candidates = a.filter((x) => A.hi(x) >= floor).length;
        let out: T | null = null;
        // Many candidates (ties, duplicated points): Σ − a_k for each, an enclosure wider by the width of a_k, instead of n sums of n − 1 terms.
        const total = candidates > MANY_CANDIDATES ? A.sum(a) : null;
        a.forEach((x, k) => {
          if (A.hi(x) < floor) return;
          const rest = total !== null ? A.sub(total, x) : A.sum(a.filter((_, j) => j !== k));
          out = out === null ? rest : A.hull(out, rest);
        });
        return scalar(out!);
      },
    },
    values,
  );
}

/**
 * inf_w 𝓛(w) for a loss with values > 0, enclosed in [0, 𝓛(w₀)] by any
 * witness value 𝓛(w₀) (the infimum is ≥ 0 and ≤ every value).
 */
export function infimumOfRisk(witness: E, label = 'inf_w 𝓛(w)'): E {
  return call(
    {
      name: 'infimum',
      print: () => label,
      evaluate<T>(A: Arith<T>, args: readonly Value<T>[]): Value<T> {
        const value = asScalar(args[0], 'infimum witness');
        if (A.lo(value) < 0) throw new DomainError('infimum', A.hi(value) < 0, 'a loss value below 0');
        return scalar(A.hull(A.num(0), value));
      },
    },
    witness,
  );
}

/**
 * An integral that diverges to −∞, given a real upper bound of it (e.g. the integral over [a, t] when
 * the integrand is negative on (0, a)): enclosed as [−∞, bound], so a comparison can refute
 * "x ≤ integral" but never prove it.
 */
export function divergesToMinusInfinity(upperBound: E, label: string): E {
  return call(
    {
      name: 'divergent integral',
      print: () => label,
      evaluate: <T>(A: Arith<T>, args: readonly Value<T>[]): Value<T> => scalar(A.sub(asScalar(args[0], 'integral bound'), A.range(0, Infinity))),
    },
    upperBound,
  );
}
