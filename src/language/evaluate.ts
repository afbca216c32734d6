import type { Arith } from '../arithmetic/arith.js';
import type { BinaryOp, Expr, UnaryOp } from './expr.js';
import { children, freeIndices } from './expr.js';
import { type Batch, batchOfTerms, binaryTerms, innerTerms, mapTerms, reduceTerms, termValues } from './batch.js';
import { structuralKey } from './structural-key.js';
import { dualArith, seed, type Dual } from './dual-arith.js';
import { ShapeError, asScalar, sameShape, scalar, slice, stack, type Value } from './value.js';

export class StepTimeoutError extends Error {
  override name = 'StepTimeoutError';
}

/** Raised when a closure returns something that is not a value of this arithmetic. */
export class WrongTypeError extends Error {
  override name = 'WrongTypeError';
}

export type IndexEnv = Readonly<Record<string, number>>;

/**
 * Evaluates expressions in one arithmetic over one instance. Results of nodes
 * are cached by structure and by the values of the node's free indices, so a
 * sub-expression shared by several steps (R̂(W_i), a gradient), or written
 * twice (a notes line and its hand-built transcription), is computed once.
 */
export class Evaluator<T> {
  private readonly cache = new Map<Expr | number, Map<string | number, Cached<T>>>();
  /** Every cached value in the order it was computed (or last kept), from `oldest` on, and their total entries (bounded by CACHE_ENTRIES). */
  private readonly order: Cached<T>[] = [];
  private oldest = 0;
  private entries = 0;
  private ticks = 0;
  /** Nodes computed so far (cache misses): a deterministic measure of work, unlike time. */
  get work(): number {
    return this.ticks;
  }
  deadline = Infinity;
  /** Folds and rows computed for all their terms at once (see `terms`); false computes them term by term, the reference the batch is tested against. */
  batchTerms = true;

  private readonly resolve: (name: string) => Value<T> | undefined;

  constructor(
    readonly arith: Arith<T>,
    values: Readonly<Record<string, Value<T>>> | ((name: string) => Value<T> | undefined),
    private readonly ints: Readonly<Record<string, number>>,
    /** Cached entries kept at most (see `remember`). */
    private readonly cacheEntries = CACHE_ENTRIES,
  ) {
    this.resolve = typeof values === 'function' ? values : (name) => values[name];
  }

  /** A parameter's value, for closures (bound once: a class-field arrow would cost a named closure per evaluator). */
  readonly lookup: (name: string) => Value<T> = this.lookupParameter.bind(this);

  private lookupParameter(name: string): Value<T> {
    const v = this.resolve(name);
    if (v !== undefined) return v;
    const k = this.ints[name];
    if (k !== undefined) return scalar(this.arith.num(k));
    throw new ShapeError(`unknown parameter '${name}'`);
  }

  scalar(e: Expr, index: IndexEnv = {}): T {
    return asScalar(this.value(e, index), 'step side');
  }

  value(e: Expr, index: IndexEnv = {}): Value<T> {
    const slot = cacheSlot(e);
    let key: string | number;
    if (slot.free === null) key = Object.keys(index).sort().map((v) => `${v}=${index[v]}`).join(',');
    else if (slot.free.length === 0) key = '';
    else if (slot.free.length === 1) key = index[slot.free[0]] ?? '';
    else key = slot.free.map((v) => index[v]).join(',');
    const node = slot.node;
    let byIndex = this.cache.get(node);
    const hit = byIndex?.get(key);
    if (hit) {
      hit.used = true;
      return hit.value;
    }
    if (++this.ticks % 256 === 0 && Date.now() > this.deadline) throw new StepTimeoutError('step ran past its time limit');
    const result = this.compute(e, index);
    if (!byIndex) this.cache.set(node, (byIndex = new Map()));
    this.keep({ value: result, byIndex, key, used: false });
    return result;
  }

  /** Entries made since the outermost batch began (see `terms`), and how many batches are under way. */
  private readonly attempt: Cached<T>[] = [];
  private batching = 0;

  /** Files a new entry (and notes it while a batch is under way, so a failed batch can be undone). */
  private keep(entry: Cached<T>): void {
    entry.byIndex.set(entry.key, entry);
    if (this.batching > 0) this.attempt.push(entry);
    this.remember(entry);
  }

  /**
   * A long trajectory would otherwise keep its whole audit in memory (every point's m × d gradient at every
   * iterate, every term of a sum over a prefix). Past CACHE_ENTRIES entries the oldest value is forgotten unless
   * it was read again since it was kept (then it is kept once more: the clock algorithm), and recomputed if asked
   * for later. Values read over and over (R̂(W_i) in every prefix sum) stay; a sum's terms, read once, go.
   * Sizes and reads alone decide, so an instance does the same work on any machine.
   */
  private remember(entry: Cached<T>): void {
    this.order.push(entry);
    this.entries += entry.value.data.length;
    while (this.entries > this.cacheEntries && this.oldest < this.order.length - 1) {
      const old = this.order[this.oldest++];
      if (old.dropped) continue;
      if (old.used) {
        old.used = false;
        this.order.push(old);
        continue;
      }
      this.forget(old);
    }
    if (this.oldest > 4096 && this.oldest * 2 > this.order.length) {
      this.order.splice(0, this.oldest);
      this.oldest = 0;
    }
  }

  /** Integer expressions: bounds and indices, exact. */
  int(e: Expr, index: IndexEnv): number {
    switch (e.kind) {
      case 'const':
        if (!Number.isInteger(e.value)) throw new ShapeError(`non-integer index ${e.value}`);
        return e.value;
      case 'index': {
        const v = index[e.name];
        if (v === undefined) throw new ShapeError(`unbound index '${e.name.split('#')[0]}'`);
        return v;
      }
      case 'param': {
        const v = this.ints[e.name];
        if (v === undefined) throw new ShapeError(`'${e.name}' is not an integer parameter`);
        return v;
      }
      case 'named':
        return this.int(e.body, index);
      case 'binary': {
        const a = this.int(e.left, index);
        const b = this.int(e.right, index);
        if (e.op === 'add') return a + b;
        if (e.op === 'sub') return a - b;
        if (e.op === 'mul') return a * b;
        if (e.op === 'min') return Math.min(a, b);
        if (e.op === 'max') return Math.max(a, b);
        throw new ShapeError(`'${e.op}' is not an integer operation`);
      }
      default:
        throw new ShapeError(`a ${e.kind} expression is not an integer`);
    }
  }

  private compute(e: Expr, index: IndexEnv): Value<T> {
    const A = this.arith;
    switch (e.kind) {
      case 'const':
        return e.text !== undefined ? literalValue(A, e.text) : scalar(A.num(e.value));
      case 'param':
        return this.lookup(e.name);
      case 'index':
        return scalar(A.num(this.int(e, index)));
      case 'named':
        return this.value(e.body, index);
      case 'unary': {
        const f = unaryOf(A, e.op);
        const v = this.value(e.arg, index);
        return { shape: v.shape, data: v.data.map((x) => f(x)) };
      }
      case 'pow': {
        const v = this.value(e.arg, index);
        return { shape: v.shape, data: v.data.map((x) => A.powInt(x, e.n)) };
      }
      case 'binary': {
        const f = binaryOf(A, e.op);
        return broadcast(this.value(e.left, index), this.value(e.right, index), f, e.op);
      }
      case 'reduce': {
        const v = this.value(e.arg, index);
        if (e.op === 'total') return scalar(A.sum(v.data));
        const sq = A.dot(v.data, v.data);
        return scalar(e.op === 'normSq' ? sq : A.sqrt(sq));
      }
      case 'inner': {
        const a = this.value(e.left, index);
        const b = this.value(e.right, index);
        if (!sameShape(a.shape, b.shape)) throw new ShapeError(`inner product of shapes [${a.shape}] and [${b.shape}]`);
        return scalar(A.dot(a.data, b.data));
      }
      case 'fold': {
        const from = this.int(e.from, index);
        const to = this.int(e.to, index);
        if (to < from) {
          if (e.op === 'sum') return scalar(A.num(0));
          throw new ShapeError(`${e.op} over an empty range`);
        }
        const batch = this.terms(e.body, index, e.index, from, to);
        return this.foldOf(e.op, Array.isArray(batch) ? batch : termValues(batch));
      }
      case 'at': {
        let v = this.value(e.arg, index);
        e.indices.forEach((ix, k) => {
          v = slice(v, this.int(ix, index) - e.bases[k], 'index');
        });
        return v;
      }
      case 'rows': {
        const from = this.int(e.from, index);
        const to = this.int(e.to, index);
        if (to < from) return stack([]);
        const batch = this.terms(e.body, index, e.index, from, to);
        return Array.isArray(batch) ? stack(batch) : { shape: [batch.count, ...batch.shape], data: batch.data };
      }
      case 'call':
        return checkValue(e.fn.evaluate(A, e.args.map((a) => this.value(a, index))), e.fn.name);
      case 'closure':
        return checkValue(e.fn(A, this.lookup, index), e.label);
      case 'grad': {
        const point = this.value(e.at, index);
        const D = dualArith(A, point.data.length);
        const seeded: Value<Dual<T>> = { shape: point.shape, data: seed(A, point.data) };
        const inner = new Evaluator<Dual<T>>(D, (name) => (name === e.variable ? seeded : this.constantDual(name)), this.ints);
        inner.deadline = this.deadline;
        const out = asScalar(inner.value(e.body, index), 'gradient body');
        const zero = A.num(0);
        return { shape: point.shape, data: out.g ? [...out.g] : point.data.map(() => zero) };
      }
    }
  }

  /**
   * The terms of a fold or rows, body(from) … body(to) over the bound index `bound`: computed node by node for
   * all terms at once (batch.ts), each term by the same operations in the same order as one at a time, so every
   * value is the same. Anything the batch does not cover is computed term by term below it. If the batch fails
   * (a domain error, a shape error), the terms are computed one at a time, as they always were, so the error and
   * the work count are the ones that evaluation gives.
   */
  private terms(body: Expr, index: IndexEnv, bound: string, from: number, to: number): Batch<T> | Value<T>[] {
    if (!this.batchTerms || !freeIndices(body).has(bound) || cacheSlot(body).free === null) return this.termByTerm(body, index, bound, from, to);
    const ticks = this.ticks;
    const mark = this.attempt.length;
    this.batching++;
    try {
      return this.batch(body, index, bound, from, to);
    } catch (err) {
      if (err instanceof StepTimeoutError) throw err;
      // Undone: what the batch kept (values term by term would find only once they reached them) and its work.
      for (const entry of this.attempt.splice(mark)) this.forget(entry);
      this.ticks = ticks;
      return this.termByTerm(body, index, bound, from, to);
    } finally {
      if (--this.batching === 0) this.attempt.length = 0;
    }
  }

  private forget(entry: Cached<T>): void {
    if (entry.dropped) return;
    entry.byIndex.delete(entry.key);
    entry.dropped = true;
    this.entries -= entry.value.data.length;
  }

  private termByTerm(body: Expr, index: IndexEnv, bound: string, from: number, to: number): Value<T>[] {
    const terms: Value<T>[] = [];
    for (let i = from; i <= to; i++) terms.push(this.value(body, { ...index, [bound]: i }));
    return terms;
  }

  /** A node's operand in a batch: its terms if it depends on the bound index, else its one value (computed once, as it was). */
  private operand(e: Expr, index: IndexEnv, bound: string, from: number, to: number): Batch<T> | Value<T> {
    // A closure reads the whole index assignment, the bound index included: it is evaluated per term, as before.
    return freeIndices(e).has(bound) || cacheSlot(e).free === null ? this.batch(e, index, bound, from, to) : this.value(e, index);
  }

  /** The terms of `e` (which depends on `bound`), cached like any value: by structure, the other free indices and the range. */
  private batch(e: Expr, index: IndexEnv, bound: string, from: number, to: number): Batch<T> {
    const slot = cacheSlot(e);
    if (slot.free === null) return batchOfTerms(this.termByTerm(e, index, bound, from, to));
    const key = `b${from}:${to}:${slot.free.map((v) => (v === bound ? '*' : index[v])).join(',')}`;
    let byIndex = this.cache.get(slot.node);
    const hit = byIndex?.get(key);
    if (hit) {
      hit.used = true;
      return { count: hit.value.shape[0], shape: hit.value.shape.slice(1), data: hit.value.data };
    }
    const result = this.computeBatch(e, index, bound, from, to);
    // One tick per term, as the terms' nodes computed one at a time would count.
    this.ticks += result.count;
    if (Date.now() > this.deadline) throw new StepTimeoutError('step ran past its time limit');
    if (!byIndex) this.cache.set(slot.node, (byIndex = new Map()));
    this.keep({ value: { shape: [result.count, ...result.shape], data: result.data }, byIndex, key, used: false });
    return result;
  }

  private computeBatch(e: Expr, index: IndexEnv, bound: string, from: number, to: number): Batch<T> {
    const A = this.arith;
    const operand = (x: Expr) => this.operand(x, index, bound, from, to);
    switch (e.kind) {
      case 'index': {
        const data: T[] = [];
        for (let i = from; i <= to; i++) data.push(A.num(i));
        return { count: to - from + 1, shape: [], data };
      }
      case 'named':
        return this.batch(e.body, index, bound, from, to);
      case 'unary': {
        const f = unaryOf(A, e.op);
        return mapTerms(this.batch(e.arg, index, bound, from, to), f);
      }
      case 'pow':
        return mapTerms(this.batch(e.arg, index, bound, from, to), (x) => A.powInt(x, e.n));
      case 'binary':
        return binaryTerms(operand(e.left), operand(e.right), binaryOf(A, e.op), to - from + 1);
      case 'reduce':
        return reduceTerms(this.batch(e.arg, index, bound, from, to), e.op === 'total' ? (t) => A.sum(t) : e.op === 'normSq' ? (t) => A.dot(t, t) : (t) => A.sqrt(A.dot(t, t)));
      case 'inner':
        return innerTerms(operand(e.left), operand(e.right), (a, b) => A.dot(a, b), to - from + 1);
      case 'at':
        return this.sliceTerms(e, index, bound, from, to);
      case 'fold':
        if (!freeIndices(e.from).has(bound) && !freeIndices(e.to).has(bound)) return this.foldTerms(e, index, bound, from, to);
        return batchOfTerms(this.termByTerm(e, index, bound, from, to));
      default:
        return batchOfTerms(this.termByTerm(e, index, bound, from, to));
    }
  }

  /**
   * A fold inside the body, Σ_j body(i, j) (min_j, max_j) for every term i, its range not depending on i: the
   * inner terms are computed for all i at once, one j at a time, and each i's fold is taken as the evaluator takes it.
   */
  private foldTerms(e: Extract<Expr, { kind: 'fold' }>, index: IndexEnv, bound: string, from: number, to: number): Batch<T> {
    const innerFrom = this.int(e.from, index);
    const innerTo = this.int(e.to, index);
    if (innerTo < innerFrom) throw new ShapeError('empty inner range');
    const parts: (Batch<T> | Value<T>)[] = [];
    for (let j = innerFrom; j <= innerTo; j++) parts.push(this.operand(e.body, { ...index, [e.index]: j }, bound, from, to));
    const perPart = parts.map((p) => ('count' in p ? termValues(p) : null));
    const out: Value<T>[] = [];
    for (let t = 0; t < to - from + 1; t++) out.push(this.foldOf(e.op, parts.map((p, k) => perPart[k]?.[t] ?? (p as Value<T>))));
    return batchOfTerms(out);
  }

  /** Σ, min or max of a fold's terms (in order). */
  private foldOf(op: 'sum' | 'min' | 'max', terms: readonly Value<T>[]): Value<T> {
    const A = this.arith;
    if (op === 'sum') {
      const shape = terms[0].shape;
      for (const t of terms) if (!sameShape(t.shape, shape)) throw new ShapeError('sum of differently shaped terms');
      if (A.sumEach) return { shape, data: A.sumEach(terms.map((t) => t.data)) };
      const size = terms[0].data.length;
      const data: T[] = [];
      for (let j = 0; j < size; j++) data.push(A.sum(terms.map((t) => t.data[j])));
      return { shape, data };
    }
    const f = op === 'min' ? A.min.bind(A) : A.max.bind(A);
    return terms.reduce((acc, t) => broadcast(acc, t, f, op));
  }

  /** X[i] (and W[i][j]) for every term: the slices of the argument (one value, or its own terms) at each term's indices. */
  private sliceTerms(e: Extract<Expr, { kind: 'at' }>, index: IndexEnv, bound: string, from: number, to: number): Batch<T> {
    const arg = this.operand(e.arg, index, bound, from, to);
    const batched = 'count' in arg;
    const argShape = arg.shape;
    const argSize = argShape.reduce((a, b) => a * b, 1);
    const env: Record<string, number> = { ...index };
    const data: T[] = [];
    let shape: readonly number[] = argShape;
    for (let i = from; i <= to; i++) {
      env[bound] = i;
      let offset = batched ? (i - from) * argSize : 0;
      shape = argShape;
      e.indices.forEach((ix, k) => {
        const at = this.int(ix, env) - e.bases[k];
        if (shape.length === 0 || !Number.isInteger(at) || at < 0 || at >= shape[0]) throw new ShapeError('index out of range');
        shape = shape.slice(1);
        offset += at * shape.reduce((a, b) => a * b, 1);
      });
      const size = shape.reduce((a, b) => a * b, 1);
      for (let j = 0; j < size; j++) data.push(arg.data[offset + j]);
    }
    return { count: to - from + 1, shape, data };
  }

  private readonly duals = new Map<string, Value<Dual<T>>>();

  /** A parameter as a constant of the dual arithmetic (no gradient), converted once. */
  private constantDual(name: string): Value<Dual<T>> | undefined {
    let d = this.duals.get(name);
    if (!d) {
      const v = this.resolve(name);
      if (!v) return undefined;
      d = { shape: v.shape, data: v.data.map((x) => ({ v: x, g: null })) };
      this.duals.set(name, d);
    }
    return d;
  }
}

/** A cached value, where it is filed, and whether it was read since it was last kept. */
interface Cached<T> {
  readonly value: Value<T>;
  readonly byIndex: Map<string | number, Cached<T>>;
  readonly key: string | number;
  used: boolean;
  /** Forgotten (evicted, or made by a batch that failed). */
  dropped?: boolean;
}

/** Entries (scalars count 1, an m × d matrix m·d) an evaluator keeps cached: a few hundred MB of float intervals, far above the default audit's needs. */
const CACHE_ENTRIES = 2 ** 22;

/**
 * Where a node's value is cached: nodes that compute the same thing share one entry (structural-key.ts), keyed by
 * the values of their free indices (one free index: its value itself, no string built). A closure reads the whole
 * index assignment, which its (empty) free indices do not show, so it is keyed by its own node and every index (free: null).
 */
interface CacheSlot {
  readonly node: Expr | number;
  readonly free: readonly string[] | null;
}

const slots = new WeakMap<Expr, CacheSlot>();

function cacheSlot(e: Expr): CacheSlot {
  let slot = slots.get(e);
  if (!slot) {
    const structure = containsClosure(e) ? null : structuralKey(e);
    slots.set(e, (slot = structure ? { node: structure.id, free: structure.free } : { node: e, free: null }));
  }
  return slot;
}

/**
 * Exact literals ("1/3", "0.1") as values, converted once per arithmetic rather than once per evaluator: the
 * conversion (decimal parsing, outward rounding) is pure and costs far more than a lookup. Bounded, in case
 * generated expressions carry ever new literals.
 */
const literals = new WeakMap<Arith<unknown>, Map<string, Value<unknown>>>();
const LITERALS_PER_ARITH = 4096;

function literalValue<T>(A: Arith<T>, text: string): Value<T> {
  let byText = literals.get(A as Arith<unknown>);
  if (!byText) literals.set(A as Arith<unknown>, (byText = new Map()));
  let v = byText.get(text) as Value<T> | undefined;
  if (!v) {
    v = scalar(A.exact(text));
    if (byText.size >= LITERALS_PER_ARITH) byText.clear();
    byText.set(text, v);
  }
  return v;
}

const closureCache = new WeakMap<Expr, boolean>();

function containsClosure(e: Expr): boolean {
  let known = closureCache.get(e);
  if (known === undefined) closureCache.set(e, (known = e.kind === 'closure' || children(e).some(containsClosure)));
  return known;
}

function checkValue<T>(v: Value<T>, who: string): Value<T> {
  if (!v || !Array.isArray(v.shape) || !Array.isArray(v.data)) throw new WrongTypeError(`${who} returned ${typeof v}, not a value`);
  const size = v.shape.reduce((a, b) => a * b, 1);
  if (v.data.length !== size) throw new WrongTypeError(`${who} returned ${v.data.length} entries for shape [${v.shape}]`);
  for (const x of v.data) {
    if (typeof x === 'number' && Number.isNaN(x)) throw new WrongTypeError(`${who} returned NaN`);
    if (x === undefined || x === null) throw new WrongTypeError(`${who} returned an empty entry`);
  }
  return v;
}

function broadcast<T>(a: Value<T>, b: Value<T>, f: (x: T, y: T) => T, op: string): Value<T> {
  if (a.shape.length === 0) return { shape: b.shape, data: b.data.map((y) => f(a.data[0], y)) };
  if (b.shape.length === 0) return { shape: a.shape, data: a.data.map((x) => f(x, b.data[0])) };
  if (!sameShape(a.shape, b.shape)) throw new ShapeError(`${op} of shapes [${a.shape}] and [${b.shape}]`);
  return { shape: a.shape, data: a.data.map((x, i) => f(x, b.data[i])) };
}

function unaryOf<T>(A: Arith<T>, op: UnaryOp): (x: T) => T {
  switch (op) {
    case 'neg': return (x) => A.neg(x);
    case 'abs': return (x) => A.abs(x);
    case 'sqr': return (x) => A.sqr(x);
    case 'sqrt': return (x) => A.sqrt(x);
    case 'exp': return (x) => A.exp(x);
    case 'expm1': return (x) => A.expm1(x);
    case 'log': return (x) => A.log(x);
    case 'log1p': return (x) => A.log1p(x);
    case 'relu': return (x) => A.relu(x);
    case 'reluPrime': return (x) => A.reluPrime(x);
    case 'logistic': return (x) => A.logistic(x);
    case 'logisticPrime': return (x) => A.logisticPrime(x);
    case 'logisticInverse': return (x) => A.logisticInverse(x);
    case 'expLoss': return (x) => A.expLoss(x);
    case 'expLossInverse': return (x) => A.expLossInverse(x);
  }
}

function binaryOf<T>(A: Arith<T>, op: BinaryOp): (x: T, y: T) => T {
  switch (op) {
    case 'add': return (x, y) => A.add(x, y);
    case 'sub': return (x, y) => A.sub(x, y);
    case 'mul': return (x, y) => A.mul(x, y);
    case 'div': return (x, y) => A.div(x, y);
    case 'min': return (x, y) => A.min(x, y);
    case 'max': return (x, y) => A.max(x, y);
  }
}
