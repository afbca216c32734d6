/**
 * Compiles the notes' LaTeX into the expression tree the checker evaluates
 * (in floats, intervals and decimals). The meaning of each symbol comes from
 * the lecture's glossary: a value (n, t, γ̄, x_i…), a model's weights (w, ŵ,
 * w(t)…) or a function (ℓ, m_i, 𝓛, f…). Every construct is compiled by one
 * rule; anything without a meaning is an error naming its column.
 */
import type { Relation } from '../checker/report.js';
import { E, exact, exp, index as freeIndex, inner, lit, log, max, maxOver, min, minOver, neg, norm, normSq, sqrt, sum, abs, type Operand } from '../language/builder.js';
import { composeRelations } from '../language/lemma.js';
import { normalized, scaled, weightNorm, type Weights } from '../models/margin-functions.js';
import { LatexSyntaxError, mentions, parseStatement, type Node, type Statement } from './latex-parser.js';
import { normaliseWhitespace } from './notes-file.js';

/** What a symbol of the notes means. */
export type Meaning = E | Weights | NotationFunction;

/** An argument of a notation function: its text, and its compiled value on demand. */
export interface Arg {
  readonly text: string;
  readonly node: Node;
  value(): E | Weights;
  expr(): E;
  weights(): Weights;
  /** For an argument x_k written as a subscripted symbol: the index k (checking the symbol is `symbol`). */
  indexOf(symbol: string): E;
}

export interface Application {
  args: readonly Arg[];
  /** m_i(w): the subscript i; R̂⁽ⁱ⁾(Z): the superscript i. */
  sub?: Arg;
  sup?: Arg;
}

export type NotationFunction = ((call: Application) => E | Weights) & { readonly notation: 'function' };

/** Declares a function of the notation (so it is told apart from a value). */
export function fn(body: (call: Application) => E | Weights): NotationFunction {
  return Object.assign(body, { notation: 'function' as const });
}

export interface Notation {
  /** Symbols by canonical name: "n", "γ̄", "ℓ", "ℓ⁻¹", "ℓ'", "m", "𝓛", "R̂⁽⁾", "∇𝓛", "ẇ"… */
  readonly symbols: Readonly<Record<string, Meaning>>;
  /** Computable forms of constructs that are not evaluated term by term, by their whitespace-normalised LaTeX (∫₀ᵗ along the flow, a maximum over the sphere…). */
  readonly forms?: Readonly<Record<string, Meaning>>;
  /** Index ranges of Σ_i, max_i written without bounds: i ranges over [n]. */
  readonly ranges?: Readonly<Record<string, readonly [Operand, Operand]>>;
  /**
   * ⟨F(args), V⟩ and ⟨c · F(args), V⟩ (either order) for a function F that has a pairing kernel:
   * computed without forming F's value (∇f(x_k; W) is an m × d matrix per point).
   */
  readonly pairings?: Readonly<Record<string, (call: Application, other: E, scale: E | undefined, order: 'left' | 'right') => E>>;
  /** lim / lim sup as c → ∞, as a computable form of the body (a function of c). */
  readonly limit?: (kind: 'lim' | 'limsup', body: (c: E) => E) => E;
}

export class NotationError extends Error {
  override name = 'NotationError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function isWeights(v: unknown): v is Weights {
  return typeof v === 'object' && v !== null && Array.isArray((v as Weights).parts) && !(v instanceof E);
}

function isFunction(m: Meaning | undefined): m is NotationFunction {
  return typeof m === 'function' && (m as NotationFunction).notation === 'function';
}

/** A compiled statement: its expressions (the first absent for a fragment that starts with its relation) and relations. */
export interface CompiledStatement {
  first?: E;
  links: { relation: Relation; expr: E }[];
  /** Indices the statement quantifies over ("∀ i ∈ [n]"). */
  forall: { name: string; from: E; to: E }[];
  /** The composed relation of first to last. */
  relation: Relation;
}

/** Compiles one notes text. `free`: index names the step quantifies over (bound as free indices). */
export function compileStatement(text: string, notation: Notation, free: readonly string[] = []): CompiledStatement {
  let statement: Statement;
  try {
    statement = parseStatement(text);
  } catch (err) {
    if (err instanceof LatexSyntaxError) throw new NotationError(err.message, err.offset);
    throw err;
  }
  const compiler = new Compiler(text, notation);
  for (const name of free) compiler.bind(name, freeIndex(name));
  const forall = statement.forall.map((q) => {
    const [from, to] = compiler.range(q.range);
    compiler.bind(q.index, freeIndex(q.index));
    return { name: q.index, from, to };
  });
  for (const l of statement.lets) compiler.bind(l.name, compiler.value(l.expr));
  const first = statement.first ? compiler.expr(statement.first) : undefined;
  const links = statement.links.map((l) => {
    const relation = relationOf(l.relation, l.expr.at);
    return { relation, expr: compiler.expr(l.expr) };
  });
  if (links.length === 0) throw new NotationError('no relation: a step compares two sides', text.length);
  return { ...(first ? { first } : {}), links, forall, relation: composeRelations(links.map((l) => l.relation)) };
}

function relationOf(r: Statement['links'][number]['relation'], at: number): Relation {
  if (r === ':=' || r === '=:') return '=';
  if (r === '∈') throw new NotationError("'∈' is a membership, not a comparison", at);
  if (r === '→') throw new NotationError("'→' outside a limit", at);
  return r;
}

const SUPERSCRIPT_KEYS = { inverse: '⁻¹', iterate: '⁽⁾' } as const;

class Compiler {
  private scopes: Map<string, Meaning>[] = [new Map()];
  /** The glossary's symbols under their NFC names, so ŵ typed precomposed or as w + ̂ is one symbol. */
  private readonly symbols: Map<string, Meaning>;

  constructor(
    private readonly text: string,
    private readonly notation: Notation,
  ) {
    this.symbols = new Map(Object.entries(notation.symbols).map(([k, v]) => [k.normalize('NFC'), v]));
  }

  bind(name: string, meaning: Meaning): void {
    this.scopes[this.scopes.length - 1].set(name, meaning);
  }

  private within<T>(bindings: Record<string, Meaning>, body: () => T): T {
    this.scopes.push(new Map(Object.entries(bindings)));
    try {
      return body();
    } finally {
      this.scopes.pop();
    }
  }

  private lookup(name: string): Meaning | undefined {
    for (let k = this.scopes.length - 1; k >= 0; k--) {
      const m = this.scopes[k].get(name);
      if (m !== undefined) return m;
    }
    return this.symbols.get(name.normalize('NFC'));
  }

  private fail(message: string, node: Node): never {
    throw new NotationError(message, node.at);
  }

  private source(node: Node): string {
    return this.text.slice(node.at, node.end);
  }

  expr(node: Node): E {
    const v = this.value(node);
    return this.toExpr(v, node);
  }

  private toExpr(v: E | Weights, node: Node): E {
    if (!isWeights(v)) return v;
    if (v.parts.length === 1) return v.parts[0];
    this.fail(`${v.label} has ${v.parts.length} parts (a, W); it is not a single tensor here`, node);
  }

  private weights(node: Node): Weights {
    const v = this.value(node);
    if (isWeights(v)) return v;
    return { parts: [v], label: this.source(node) };
  }

  value(node: Node): E | Weights {
    const form = this.notation.forms?.[normaliseWhitespace(this.source(node))];
    if (form !== undefined) {
      if (isFunction(form)) return form({ args: [] });
      return form;
    }
    switch (node.kind) {
      case 'num':
        return node.text.includes('.') ? exact(node.text) : lit(Number(node.text));
      case 'paren':
        return this.value(node.arg);
      case 'sym':
        return this.symbol(node, []);
      case 'apply':
        return this.apply(node);
      case 'neg': {
        const v = this.value(node.arg);
        return isWeights(v) ? scaled(-1, v, `−${v.label}`) : neg(v);
      }
      case 'bin':
        return this.binary(node);
      case 'pow':
        return this.power(node);
      case 'norm': {
        const v = this.value(node.arg);
        return isWeights(v) ? weightNorm(v) : norm(v);
      }
      case 'abs':
        return abs(this.expr(node.arg));
      case 'inner':
        return this.pairing(node.left, node.right, 'left') ?? this.pairing(node.right, node.left, 'right') ?? inner(this.expr(node.left), this.expr(node.right));
      case 'set':
        this.fail('a set {…} outside min/max', node);
      // falls through (fail never returns)
      case 'fn':
        return this.namedFunction(node);
      case 'big':
        return this.big(node);
      case 'integral':
        this.fail(`no computable form for the integral ${this.source(node)} (declare it in the glossary's forms)`, node);
    }
  }

  private symbol(node: Extract<Node, { kind: 'sym' }>, args: readonly Node[]): E | Weights {
    const key = node.name + "'".repeat(node.primes);
    let meaning: Meaning | undefined;
    let sup: Node | undefined = node.sup;
    if (sup && isMinusOne(sup) && this.lookup(key + SUPERSCRIPT_KEYS.inverse) !== undefined) {
      meaning = this.lookup(key + SUPERSCRIPT_KEYS.inverse);
      sup = undefined;
    } else if (sup && sup.kind === 'paren' && this.lookup(key + SUPERSCRIPT_KEYS.iterate) !== undefined) {
      meaning = this.lookup(key + SUPERSCRIPT_KEYS.iterate);
      sup = sup.arg;
    } else meaning = this.lookup(key);
    if (meaning === undefined) this.fail(`no meaning for '${this.source(node)}' in the glossary`, node);
    if (isFunction(meaning)) {
      const call: Application = {
        args: args.map((a) => this.arg(a)),
        ...(node.sub ? { sub: this.arg(node.sub) } : {}),
        ...(sup ? { sup: this.arg(sup) } : {}),
      };
      return meaning(call);
    }
    let v: E | Weights = meaning;
    if (node.sub) {
      const i = this.indexExpr(node.sub);
      v = isWeights(v) ? this.fail(`${v.label} cannot be indexed`, node) : v.at(i);
    }
    if (sup) v = this.raise(v, sup, node);
    if (args.length) {
      // t(…) for a value t: juxtaposition, a product.
      if (args.length !== 1) this.fail(`'${this.source(node)}' is not a function`, node);
      return this.multiply(v, this.value(args[0]), node);
    }
    return v;
  }

  /** ⟨F(…), V⟩ or ⟨c · F(…), V⟩ through the glossary's pairing kernel of F, if it has one. */
  private pairing(side: Node, other: Node, order: 'left' | 'right'): E | undefined {
    let scale: Node | undefined;
    let call = side;
    if (side.kind === 'bin' && side.op === '*' && side.right.kind === 'apply') {
      scale = side.left;
      call = side.right;
    }
    if (call.kind !== 'apply' || call.head.kind !== 'sym') return undefined;
    const kernel = this.notation.pairings?.[call.head.name];
    if (!kernel) return undefined;
    const application: Application = { args: call.args.map((a) => this.arg(a)), ...(call.head.sub ? { sub: this.arg(call.head.sub) } : {}) };
    return kernel(application, this.expr(other), scale ? this.expr(scale) : undefined, order);
  }

  private arg(node: Node): Arg {
    let cached: E | Weights | undefined;
    const value = (): E | Weights => (cached ??= this.value(node));
    return {
      text: normaliseWhitespace(this.source(node)),
      node,
      value,
      expr: () => this.toExpr(value(), node),
      weights: () => {
        const v = value();
        return isWeights(v) ? v : { parts: [v], label: normaliseWhitespace(this.source(node)) };
      },
      indexOf: (symbol) => {
        if (node.kind !== 'sym' || node.name !== symbol || !node.sub) this.fail(`expected ${symbol}_k here, found ${this.source(node)}`, node);
        return this.indexExpr(node.sub);
      },
    };
  }

  /** An index: i, k, i+1, t, 0. */
  private indexExpr(node: Node): E {
    const v = this.value(node);
    if (isWeights(v)) this.fail('weights used as an index', node);
    return v;
  }

  private apply(node: Extract<Node, { kind: 'apply' }>): E | Weights {
    const head = node.head;
    if (head.kind === 'sym' && (head.name === 'min' || head.name === 'max') && !this.lookup(head.name)) {
      const items = node.args.map((a) => this.expr(a));
      return items.reduce((a, b) => (head.name === 'min' ? min(a, b) : max(a, b)));
    }
    if (head.kind !== 'sym') this.fail('only a symbol can be applied', node);
    return this.symbol(head, node.args);
  }

  private multiply(a: E | Weights, b: E | Weights, node: Node): E | Weights {
    if (isWeights(b) && !isWeights(a)) return scaled(a, b, `${normaliseWhitespace(this.source(node))}`);
    if (isWeights(a) && !isWeights(b) && a.parts.length > 1) return scaled(b, a, `${normaliseWhitespace(this.source(node))}`);
    return this.toExpr(a, node).times(this.toExpr(b, node));
  }

  private binary(node: Extract<Node, { kind: 'bin' }>): E | Weights {
    if (node.op === '*') {
      // w_j^⊤ x: the transpose makes the product an inner product.
      if (node.left.kind === 'sym' && node.left.transposed) return inner(this.expr({ ...node.left, transposed: false }), this.expr(node.right));
      return this.multiply(this.value(node.left), this.value(node.right), node);
    }
    const left = this.value(node.left);
    if (node.op === '/') {
      const right = this.expr(node.right);
      if (isWeights(left)) return { parts: left.parts.map((p) => p.over(right)), label: normaliseWhitespace(this.source(node)) };
      return left.over(right);
    }
    const right = this.expr(node.right);
    const l = this.toExpr(left, node);
    return node.op === '+' ? l.plus(right) : l.minus(right);
  }

  private raise(base: E | Weights, exponent: Node, node: Node): E {
    const b = this.toExpr(base, node);
    const n = this.integerValue(exponent);
    if (n === null) this.fail(`the exponent ${this.source(exponent)} is not an integer the compiler knows`, exponent);
    return b.pow(n);
  }

  /** An exponent: a literal, −1, or a symbol the glossary gives a number (L). */
  private integerValue(node: Node): number | null {
    if (node.kind === 'num' && !node.text.includes('.')) return Number(node.text);
    if (node.kind === 'neg') {
      const inner = this.integerValue(node.arg);
      return inner === null ? null : -inner;
    }
    if (node.kind === 'paren') return this.integerValue(node.arg);
    if (node.kind === 'sym') {
      const m = this.lookup(node.name);
      if (m instanceof E && m.node.kind === 'const' && Number.isInteger(m.node.value)) return m.node.value;
    }
    return null;
  }

  private power(node: Extract<Node, { kind: 'pow' }>): E {
    const n = this.integerValue(node.exp);
    if (n === null) this.fail(`the exponent ${this.source(node.exp)} is not an integer the compiler knows`, node.exp);
    // ‖v‖² is the sum of squares (no square root to undo).
    if (n === 2 && node.base.kind === 'norm') {
      const v = this.value(node.base.arg);
      return isWeights(v) ? v.parts.map((p) => normSq(p)).reduce((a, b) => a.plus(b)) : normSq(v);
    }
    const base = this.expr(node.base);
    if (n === 1) return base;
    return n === 2 ? base.squared() : base.pow(n);
  }

  private namedFunction(node: Extract<Node, { kind: 'fn' }>): E {
    const arg = this.expr(node.arg);
    let out: E;
    if (node.name === 'sqrt') out = sqrt(arg);
    else if (node.name === 'exp') out = exp(arg);
    else if (node.sub) {
      // log_+ x = max{0, log x}
      if (!(node.sub.kind === 'sym' && node.sub.name === '+')) this.fail(`unknown logarithm ${this.source(node)}`, node);
      out = max(0, log(arg));
    } else out = log(arg);
    if (!node.power) return out;
    const n = this.integerValue(node.power);
    if (n === null) this.fail(`the power ${this.source(node.power)} is not an integer`, node.power);
    return n === 2 ? out.squared() : out.pow(n);
  }

  /** [n] is 1..n; a bare n after ∈ means the same. */
  range(node: Node): [E, E] {
    if (node.kind === 'paren' && node.bracket) return [lit(1), this.expr(node.arg)];
    this.fail(`'${this.source(node)}' is not an index range [n]`, node);
  }

  private big(node: Extract<Node, { kind: 'big' }>): E | Weights {
    if (node.op === 'lim' || node.op === 'limsup') return this.limit(node);
    // inf_w g, min_w g, max_w g of a g that does not depend on w is g itself (as the notes write inf_w 𝓛(ŵ)).
    if (node.below?.first?.kind === 'sym' && node.below.links.length === 0 && node.op !== 'sum' && !mentions(node.body, node.below.first.name)) return this.value(node.body);
    if (node.op === 'argmax' || node.op === 'inf') this.fail(`no computable form for ${this.source(node)} (declare it in the glossary's forms)`, node);
    const below = node.below;
    const variable = below?.first;
    if (!below || !variable || variable.kind !== 'sym' || variable.sub) this.fail(`${node.op} needs an index beneath it`, node);
    const name = variable.name;
    let from: Operand;
    let to: Operand;
    if (below.links.length === 0) {
      const range = this.notation.ranges?.[name];
      if (!range) this.fail(`the range of ${name} is not written and the glossary gives none`, node);
      [from, to] = range;
    } else {
      if (below.links.length !== 1) this.fail(`cannot read the range ${this.source(variable)}…`, node);
      const { relation, expr } = below.links[0];
      if (relation === '=') {
        if (!node.above) this.fail(`${node.op} from ${this.source(expr)} needs an upper bound`, node);
        from = this.expr(expr);
        to = this.expr(node.above);
      } else if (relation === '<') {
        from = 0;
        to = this.expr(expr).minus(1);
      } else if (relation === '∈') {
        [from, to] = this.range(expr);
      } else this.fail(`cannot read the range of ${name}`, node);
    }
    const body = (i: E): E => this.within({ [name]: i }, () => this.expr(node.body));
    if (node.op === 'sum') return sum(name, from, to, body);
    if (node.op === 'min') return minOver(name, from, to, body);
    if (node.op === 'max') return maxOver(name, from, to, body);
    this.fail(`unknown operator ${node.op}`, node);
  }

  private limit(node: Extract<Node, { kind: 'big' }>): E {
    const below = node.below;
    const variable = below?.first;
    if (!below || !variable || variable.kind !== 'sym' || below.links.length !== 1 || below.links[0].relation !== '→') this.fail('a limit needs "c \\rightarrow \\infty" beneath it', node);
    const to = below.links[0].expr;
    if (!(to.kind === 'sym' && to.name === '∞')) this.fail('only limits at ∞ have a computable form', node);
    if (!this.notation.limit) this.fail('the glossary gives no computable form of limits for this lemma', node);
    if (!mentions(node.body, variable.name)) this.fail(`the limit's body does not depend on ${variable.name}`, node);
    return this.notation.limit(node.op as 'lim' | 'limsup', (c) => this.within({ [variable.name]: c }, () => this.expr(node.body)));
  }
}

function isMinusOne(node: Node): boolean {
  return node.kind === 'neg' && node.arg.kind === 'num' && node.arg.text === '1';
}

export { mentions };
