import type { Arith } from '../arithmetic/arith.js';
import { floatArith } from '../arithmetic/float-arith.js';
import { intervalArith } from '../arithmetic/interval-arith.js';
import type { Interval } from '../arithmetic/interval.js';
import { type E, call } from '../language/builder.js';
import type { ModelFunction } from '../language/expr.js';
import { ShapeError, asScalar, scalar, type Value } from '../language/value.js';
import { floatNetArrays } from './net-arrays-float.js';
import { type GenericSample, genericNetArrays } from './net-arrays-generic.js';
import { type Box, intervalNetArrays } from './net-arrays-interval.js';
import { type ReluNetModel, reluNetModel } from './relu-net-model.js';
import type { LabelledSample, ReluNet } from './relu-net.js';
import { type NetSample, netSample } from './relu-net-sample.js';

/**
 * The hot quantities of the two-layer ReLU net as model functions for `call`
 * nodes: f(x; W), ∇f(x; W), R̂(W), ∇R̂(W) by the notes' formula and the
 * surrogate R̂⁽ⁱ⁾(Z) = (1/n) Σ_k ℓ(y_k ⟨Z, ∇f(x_k; W_i)⟩). The net is written
 * once (relu-net-model.ts) and evaluated through the array operations of the
 * arithmetic: fused Float64Array loops for floats, the certified typed-array
 * kernels for float intervals (when the sample is exact and the signs ±1),
 * plain `Arith` code for any other arithmetic (decimal intervals, dual numbers
 * of `grad`). Preactivations of the fast paths are cached per argument value
 * (values are immutable).
 */

// --- argument conversion -----------------------------------------------------

const floats = new WeakMap<Value<unknown>, Float64Array>();
const boxes = new WeakMap<Value<unknown>, Box>();

function floatData(v: Value<number>): Float64Array {
  let out = floats.get(v);
  if (!out) floats.set(v, (out = Float64Array.from(v.data)));
  return out;
}

function boxData(v: Value<Interval>): Box {
  let out = boxes.get(v);
  if (!out) {
    const lo = new Float64Array(v.data.length);
    const hi = new Float64Array(v.data.length);
    let isPoint = true;
    v.data.forEach((x, i) => {
      lo[i] = x.lo;
      hi[i] = x.hi;
      if (x.lo !== x.hi) isPoint = false;
    });
    out = isPoint ? { lo, hi: lo } : { lo, hi };
    boxes.set(v, out);
  }
  return out;
}

/** An exact double per entry, or null when an entry is not a point. */
function pointData(v: Value<Interval>): Float64Array | null {
  const b = boxData(v);
  return b.lo === b.hi ? b.lo : null;
}

function matrixShape(v: Value<unknown>, what: string): [number, number] {
  if (v.shape.length !== 2) throw new ShapeError(`${what}: expected a matrix, got shape [${v.shape.join(', ')}]`);
  return [v.shape[0], v.shape[1]];
}

function vectorLength(v: Value<unknown>, what: string): number {
  if (v.shape.length !== 1) throw new ShapeError(`${what}: expected a vector, got shape [${v.shape.join(', ')}]`);
  return v.shape[0];
}

const isFloat = <T>(A: Arith<T>): boolean => A === (floatArith as unknown);
const isInterval = <T>(A: Arith<T>): boolean => A === (intervalArith as unknown);

const unitSigns = (xs: ArrayLike<number>): boolean => Array.prototype.every.call(xs, (v: number) => v === 1 || v === -1);

/**
 * The sample as typed arrays, cached on the X value; null when an entry is not
 * exact or a sign is not ±1. Without labels (per-point functions) y is all 1.
 * The variants of one X (with and without labels) share its points array, so
 * preactivations, which depend on the points alone, are shared between them.
 */
const samples = new WeakMap<Value<unknown>, { y: Value<unknown> | undefined; a: Value<unknown>; sample: NetSample | null }[]>();

function sampleOf<T>(A: Arith<T>, X: Value<T>, y: Value<T> | undefined, a: Value<T>): NetSample | null {
  const variants = samples.get(X) ?? [];
  const known = variants.find((v) => v.y === y && v.a === a);
  if (known) return known.sample;
  const [n, d] = matrixShape(X, 'X');
  if (y && vectorLength(y, 'y') !== n) throw new ShapeError(`y has ${y.shape[0]} labels for ${n} points`);
  vectorLength(a, 'a');
  let sample: NetSample | null = null;
  const exact = (v: Value<T>): Float64Array | null => (isFloat(A) ? floatData(v as Value<number>) : isInterval(A) ? pointData(v as Value<Interval>) : null);
  const Xs = exact(X);
  const ys = y ? exact(y) : new Float64Array(n).fill(1);
  const as = exact(a);
  if (Xs && ys && as && unitSigns(ys) && unitSigns(as)) {
    const made = netSample(Xs, n, d, ys, as);
    const sibling = variants.find((v) => v.sample)?.sample;
    sample = sibling ? { ...made, X: sibling.X, columns: sibling.columns, zeroPoint: sibling.zeroPoint } : made;
  }
  // A few variants per X at most (labels or none, one sign vector): bounded all the same.
  samples.set(X, [...variants.slice(-3), { y, a, sample }]);
  return sample;
}

/** The notes' 1-based point index k as a 0-based row of X. */
function pointIndex<T>(A: Arith<T>, k: Value<T>, n: number): number {
  const v = A.lo(asScalar(k, 'point index'));
  if (!Number.isInteger(v) || A.hi(k.data[0]) !== v || v < 1 || v > n) throw new ShapeError(`point index ${v} outside 1..${n}`);
  return v - 1;
}

function checkWeights(W: Value<unknown>, m: number, d: number, what: string): void {
  const [rows, cols] = matrixShape(W, what);
  if (rows !== m || cols !== d) throw new ShapeError(`${what} is ${rows}×${cols}, the net is ${m}×${d}`);
}

// --- cached preactivations of a weight matrix over the sample ----------------

/**
 * Preactivations of a weight matrix over a sample, cached per value and by
 * content: the same iterate is sliced out of the trajectory once per
 * expression that names it (W_i in a step, W_i inside each sum over i), and
 * every slice holds the same entries. A content hit is verified entry by
 * entry (the same interval objects, or the same doubles), so it is exact.
 */
interface Preactivations<P> {
  data: readonly unknown[];
  sample: NetSample;
  P: P;
}

const CONTENT_CACHE_SIZE = 512;

class PreactivationCache<P> {
  private readonly byValue = new WeakMap<Value<unknown>, Preactivations<P>>();
  private readonly byContent = new Map<unknown, Preactivations<P>[]>();
  private stored = 0;

  constructor(private readonly compute: (W: Value<unknown>, s: NetSample) => P) {}

  get(W: Value<unknown>, s: NetSample): P {
    const known = this.byValue.get(W);
    if (known && known.sample.X === s.X) return known.P;
    const key = W.data[0];
    const candidates = this.byContent.get(key) ?? [];
    // Preactivations depend on the points alone: a sample with other labels but the same points array shares them.
    let hit = candidates.find((c) => c.sample.X === s.X && sameEntries(c.data, W.data));
    if (!hit) {
      hit = { data: W.data, sample: s, P: this.compute(W, s) };
      // A bounded cache: forget everything when full (the trajectory being checked refills it).
      if (++this.stored > CONTENT_CACHE_SIZE) {
        this.byContent.clear();
        this.stored = 1;
      }
      this.byContent.set(key, [...(this.byContent.get(key) ?? []), hit]);
    }
    this.byValue.set(W, hit);
    return hit.P;
  }
}

function sameEntries(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The model in floats and in float intervals over one exact sample (built once per sample). */
const floatModels = new WeakMap<NetSample, ReluNetModel<Float64Array, number>>();
const intervalModels = new WeakMap<NetSample, ReluNetModel<Box, Interval>>();

function cached<V>(built: WeakMap<NetSample, V>, s: NetSample, make: (s: NetSample) => V): V {
  let value = built.get(s);
  if (!value) built.set(s, (value = make(s)));
  return value;
}
const floatModel = (s: NetSample) => cached(floatModels, s, (t) => reluNetModel(floatNetArrays(t)));
const intervalModel = (s: NetSample) => cached(intervalModels, s, (t) => reluNetModel(intervalNetArrays(t)));

const floatPre = new PreactivationCache<Float64Array>((W, s) => floatModel(s).preactivations(floatData(W as Value<number>)));
const boxPre = new PreactivationCache<Box>((W, s) => intervalModel(s).preactivations(boxData(W as Value<Interval>)));

function boxValue(b: Box, shape: readonly number[]): Value<Interval> {
  const data: Interval[] = new Array(b.lo.length);
  for (let i = 0; i < b.lo.length; i++) data[i] = { lo: b.lo[i], hi: b.hi[i] };
  return { shape, data };
}

/**
 * The model bound to the arithmetic and the sample of a call: its
 * preactivations of a weight value (cached on the fast paths) and the
 * conversion of its weight-shaped results back to values. M is the
 * arithmetic's array type (opaque here).
 */
interface BoundModel<T> {
  model: ReluNetModel<unknown, T>;
  pre(W: Value<T>): unknown;
  value(M: unknown, shape: readonly number[]): Value<T>;
}

/** Bound models, built once per sample (fast paths) or per arithmetic and sample values (generic path): every call node binds. */
const floatBound = new WeakMap<NetSample, BoundModel<number>>();
const intervalBound = new WeakMap<NetSample, BoundModel<Interval>>();
const genericBound = new WeakMap<Value<unknown>, { A: Arith<unknown>; y: Value<unknown> | undefined; a: Value<unknown>; bound: BoundModel<unknown> }>();

function bind<T>(A: Arith<T>, X: Value<T>, y: Value<T> | undefined, a: Value<T>): BoundModel<T> {
  const s = sampleOf(A, X, y, a);
  if (s && isFloat(A)) {
    const bound = cached(floatBound, s, (t): BoundModel<number> => ({
      model: floatModel(t) as unknown as ReluNetModel<unknown, number>,
      pre: (W) => floatPre.get(W, t),
      value: (M, shape) => ({ shape, data: Array.from(M as Float64Array) }),
    }));
    return bound as unknown as BoundModel<T>;
  }
  if (s && isInterval(A)) {
    const bound = cached(intervalBound, s, (t): BoundModel<Interval> => ({
      model: intervalModel(t) as unknown as ReluNetModel<unknown, Interval>,
      pre: (W) => boxPre.get(W, t),
      value: (M, shape) => boxValue(M as Box, shape),
    }));
    return bound as unknown as BoundModel<T>;
  }
  // Any other arithmetic, or a sample that is not exact: the generic path, over the sample as given.
  const known = genericBound.get(X);
  if (known && known.A === A && known.y === y && known.a === a) return known.bound as BoundModel<T>;
  const [n, d] = matrixShape(X, 'X');
  const sample: GenericSample<T> = { n, m: a.data.length, d, X: X.data, y: y ? y.data : new Array<T>(n).fill(A.num(1)), a: a.data };
  const model = reluNetModel(genericNetArrays(A, sample));
  const bound: BoundModel<T> = {
    model: model as ReluNetModel<unknown, T>,
    pre: (W) => model.preactivations(W.data as T[]),
    value: (M, shape) => ({ shape, data: M as T[] }),
  };
  genericBound.set(X, { A: A as Arith<unknown>, y, a, bound: bound as BoundModel<unknown> });
  return bound;
}

// --- printing ------------------------------------------------------------------

const SUBSCRIPT_TO_PLAIN: Record<string, string> = { '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9', '₊': '+', '₋': '-', 'ᵢ': 'i', 'ⱼ': 'j', 'ₖ': 'k', 'ₜ': 't', 'ₘ': 'm', 'ₙ': 'n' };
const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', i: 'ⁱ', j: 'ʲ', k: 'ᵏ', t: 'ᵗ', m: 'ᵐ', n: 'ⁿ' };

/** "Wᵢ" → "⁽ⁱ⁾", "W_{t'}" → "^{(t')}": the iterate's index as the surrogate's superscript. */
function iterateSuperscript(printedW: string): string {
  const rest = printedW.replace(/^W/, '');
  const plain = rest.startsWith('_{') && rest.endsWith('}') ? rest.slice(2, -1) : [...rest].map((c) => SUBSCRIPT_TO_PLAIN[c] ?? c).join('');
  const chars = [...plain];
  return chars.length && chars.every((c) => SUPERSCRIPT[c]) ? `⁽${chars.map((c) => SUPERSCRIPT[c]).join('')}⁾` : `^{(${plain})}`;
}

// --- the model functions --------------------------------------------------------

/** x_k printed as the notes do: "xₖ" (subscript characters where they exist). */
function pointName(X: string, k: string): string {
  const SUB: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', n: 'ₙ' };
  return [...k].every((c) => SUB[c]) ? `${X}${[...k].map((c) => SUB[c]).join('')}` : `${X}_{${k}}`;
}

/** f(x_k; W); arguments X, k (the notes' 1-based index), W, a. */
export const netOutputFunction: ModelFunction = {
  name: 'relu-net-output',
  print: ([X, k, W]) => `f(${pointName(X, k)}; ${W})`,
  evaluate<T>(A: Arith<T>, [X, kv, W, a]: readonly Value<T>[]): Value<T> {
    const [n, d] = matrixShape(X, 'X');
    const k = pointIndex(A, kv, n);
    checkWeights(W, a.data.length, d, 'W');
    const b = bind(A, X, undefined, a);
    return scalar(b.model.output(b.pre(W), k));
  },
};

/** ∇f(x_k; W) by the notes' rows formula, or c·∇f(x_k; W) with a scalar c; arguments X, k, W, a [, c]. */
export const netGradientFunction: ModelFunction = {
  name: 'relu-net-gradient',
  print: ([X, k, W, , c]) => `${c === undefined ? '' : `${c}·`}∇f(${pointName(X, k)}; ${W})`,
  evaluate<T>(A: Arith<T>, [X, kv, W, a, c]: readonly Value<T>[]): Value<T> {
    const [n, d] = matrixShape(X, 'X');
    const k = pointIndex(A, kv, n);
    checkWeights(W, a.data.length, d, 'W');
    const factor = c === undefined ? undefined : asScalar(c, 'scalar factor');
    const b = bind(A, X, undefined, a);
    const G = b.model.pointGradient(b.pre(W), k);
    return b.value(factor === undefined ? G : b.model.arrays.scale(factor, G), W.shape);
  },
};

/**
 * ⟨∇f(x_k; W), V⟩ without forming ∇f(x_k; W): (1/√m) Σ_j a_j σ'(⟨w_j, x_k⟩) ⟨v_j, x_k⟩;
 * arguments X, k, W, a, V and optionally a scalar c, for ⟨c·∇f(x_k; W), V⟩ = c ⟨∇f(x_k; W), V⟩.
 * `gradientFirst` false prints the pairing the other way round, ⟨V, ∇f(x_k; W)⟩.
 */
function gradientPairingFunction(gradientFirst: boolean): ModelFunction {
  return {
    name: gradientFirst ? 'relu-net-gradient-pairing' : 'relu-net-pairing-gradient',
    print: ([X, k, W, , V, c]) => {
      const g = `${c === undefined ? '' : `${c}·`}∇f(${pointName(X, k)}; ${W})`;
      return gradientFirst ? `⟨${g}, ${V}⟩` : `⟨${V}, ${g}⟩`;
    },
    evaluate<T>(A: Arith<T>, [X, kv, W, a, V, c]: readonly Value<T>[]): Value<T> {
      const [n, d] = matrixShape(X, 'X');
      const k = pointIndex(A, kv, n);
      checkWeights(W, a.data.length, d, 'W');
      checkWeights(V, a.data.length, d, 'V');
      const factor = c === undefined ? undefined : asScalar(c, 'scalar factor');
      const b = bind(A, X, undefined, a);
      const v = b.model.pairing(b.pre(W), b.pre(V), k);
      return scalar(factor === undefined ? v : A.mul(factor, v));
    },
  };
}

export const netGradientPairingFunction = gradientPairingFunction(true);
export const pairingNetGradientFunction = gradientPairingFunction(false);

/** R̂(W) = (1/n) Σ_k ℓ(y_k f(x_k; W)); arguments W, X, y, a. */
export const riskFunction: ModelFunction = {
  name: 'relu-net-risk',
  print: ([W]) => `R̂(${W})`,
  evaluate<T>(A: Arith<T>, [W, X, y, a]: readonly Value<T>[]): Value<T> {
    const b = bind(A, X, y, a);
    checkWeights(W, a.data.length, X.shape[1], 'W');
    return scalar(b.model.risk(b.pre(W)));
  },
};

/** ∇R̂(W) by the notes' formula (1/n) Σ_k ℓ'(y_k f(x_k; W)) y_k ∇f(x_k; W); arguments W, X, y, a. */
export const riskGradientFunction: ModelFunction = {
  name: 'relu-net-risk-gradient',
  print: ([W]) => `∇R̂(${W})`,
  evaluate<T>(A: Arith<T>, [W, X, y, a]: readonly Value<T>[]): Value<T> {
    const b = bind(A, X, y, a);
    checkWeights(W, a.data.length, X.shape[1], 'W');
    return b.value(b.model.riskGradient(b.pre(W)), W.shape);
  },
};

/** R̂⁽ⁱ⁾(Z) = (1/n) Σ_k ℓ(y_k ⟨Z, ∇f(x_k; W_i)⟩); arguments Z, W_i, X, y, a. */
export const surrogateRiskFunction: ModelFunction = {
  name: 'relu-net-surrogate-risk',
  print: ([Z, W]) => `R̂${iterateSuperscript(W)}(${Z})`,
  evaluate<T>(A: Arith<T>, [Z, W, X, y, a]: readonly Value<T>[]): Value<T> {
    const b = bind(A, X, y, a);
    checkWeights(W, a.data.length, X.shape[1], 'W');
    checkWeights(Z, a.data.length, X.shape[1], 'Z');
    return scalar(b.model.surrogateRisk(b.pre(W), b.pre(Z)));
  },
};

// --- expressions that read like the notes -------------------------------------------

/** f(x_k; W) */
export function netOutput(net: ReluNet, data: LabelledSample, k: E, W: E): E {
  return call(netOutputFunction, data.X, k, W, net.a);
}

/** ∇f(x_k; W) = (1/√m) [a_j σ'(w_jᵀx_k) x_k]_j, or c·∇f(x_k; W) with a scalar c. */
export function netGradient(net: ReluNet, data: LabelledSample, k: E, W: E, c?: E): E {
  return c === undefined ? call(netGradientFunction, data.X, k, W, net.a) : call(netGradientFunction, data.X, k, W, net.a, c);
}

/** ⟨∇f(x_k; W), V⟩, or ⟨c·∇f(x_k; W), V⟩ with a scalar c. */
export function netGradientPairing(net: ReluNet, data: LabelledSample, k: E, W: E, V: E, c?: E): E {
  return c === undefined ? call(netGradientPairingFunction, data.X, k, W, net.a, V) : call(netGradientPairingFunction, data.X, k, W, net.a, V, c);
}

/** ⟨V, ∇f(x_k; W)⟩ */
export function pairingNetGradient(net: ReluNet, data: LabelledSample, V: E, k: E, W: E): E {
  return call(pairingNetGradientFunction, data.X, k, W, net.a, V);
}

/** y_k f(x_k; W) */
export function margin(net: ReluNet, data: LabelledSample, k: E, W: E): E {
  return data.y.at(k).times(netOutput(net, data, k, W));
}

/** R̂(W) */
export function risk(net: ReluNet, data: LabelledSample, W: E): E {
  return call(riskFunction, W, data.X, data.y, net.a);
}

/** ∇R̂(W) */
export function riskGradient(net: ReluNet, data: LabelledSample, W: E): E {
  return call(riskGradientFunction, W, data.X, data.y, net.a);
}

/** R̂⁽ⁱ⁾(Z), the risk of the net linearised at W_i, evaluated at Z. */
export function surrogateRisk(net: ReluNet, data: LabelledSample, Z: E, Wi: E): E {
  return call(surrogateRiskFunction, Z, Wi, data.X, data.y, net.a);
}
