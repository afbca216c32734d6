import { DomainError } from '../arithmetic/domain-error.js';
import { freeIndices, type Expr, type UnaryOp } from '../language/expr.js';
import { exprKey, paramsOf } from './expr-key.js';
import { mulQ } from './rational.js';
import {
  ONE_Q, ZERO_Q, add, atomFraction, constant, constantValue, div, fractionKey, isIntegerQ, isZero, literal, logOfRational, monoKey, mul, neg, pow,
  isPolynomial, rational, signQ, singleTerm, sub, textQ, type Atom, type Fraction, type Poly,
} from './normal-form.js';

/** How a step's parameters relate to the prover's variables. */
export interface NormaliseContext {
  /** The prover's variables and their sign on the whole domain (+1 positive, −1 negative, 0 either). */
  variables: ReadonlyMap<string, number>;
  /** Parameters replaced by expressions in the variables (a reduction t = c/(2nγ̄²), a change of variable z = −log u). */
  substitute: ReadonlyMap<string, Expr>;
  /** Sub-expressions (by structural key) and named nodes (by label) replaced by an expression in the variables (ρ_i = 1 + σ). */
  abstractByKey: ReadonlyMap<string, Expr>;
  abstractByLabel: ReadonlyMap<string, Expr>;
  /** The sign of an expression in the variables over the whole domain, by interval evaluation (0 when not certain). */
  signOver(expr: Expr): number;
  /** +1 when the expression is ≥ 0 on the whole domain, −1 when ≤ 0, else 0. */
  weakSignOver(expr: Expr): number;
  /** Whether 0 ≤ expr is proved on the whole domain (branch and bound, for what a single enclosure cannot settle). */
  provedNonnegative?(expr: Expr): boolean;
}

const v = (name: string): Expr => ({ kind: 'param', name });
const un = (op: UnaryOp, arg: Expr): Expr => ({ kind: 'unary', op, arg });
const constExpr = (q: ReturnType<typeof rational>): Expr => ({ kind: 'const', value: Number(q.p) / Number(q.q), text: textQ(q) });

/**
 * Rewrites expressions into the exact normal form of normal-form.ts, applying
 * the context's substitutions and abstractions, and the definitions of the
 * loss functions (ℓ(z) = log(1 + e^−z), ℓ'(z) = −e^−z/(1 + e^−z), …).
 */
export class Normaliser {
  private readonly atoms = new Map<string, Atom>();
  private readonly substituted = new Map<string, Fraction>();
  /** Where the original expression is defined, the normal form equals it: these must be proved positive (or nonzero) on the domain. */
  readonly obligations: { kind: 'positive' | 'nonzero' | 'nonnegative'; of: Fraction; why: string }[] = [];

  constructor(private readonly ctx: NormaliseContext) {}

  atom(key: string): Atom {
    const a = this.atoms.get(key);
    if (!a) throw new Error(`normal form: unknown atom ${key}`);
    return a;
  }

  private intern(atom: Omit<Atom, 'sign' | 'foreign'> & { sign?: number }): Fraction {
    if (!this.atoms.has(atom.key)) {
      // Parameters that are not variables, and indices no sum binds here, keep an atom from being evaluated.
      const foreign = [...[...paramsOf(atom.expr)].filter((p) => !this.ctx.variables.has(p)), ...[...freeIndices(atom.expr)].map((i) => i.split('#')[0])];
      const sign = atom.sign ?? (foreign.length ? 0 : this.ctx.signOver(atom.expr));
      this.atoms.set(atom.key, { ...atom, sign, foreign });
    }
    return atomFraction(atom.key);
  }

  variable(name: string): Fraction {
    return this.intern({ key: `var:${name}`, expr: v(name), sign: this.ctx.variables.get(name) ?? 0 });
  }

  /** An opaque function of normalised arguments (so equal arguments give the same atom). */
  private opaque(name: string, args: Fraction[], build: (args: Expr[]) => Expr, sign?: number): Fraction {
    return this.intern({ key: `${name}(${args.map(fractionKey).join(', ')})`, expr: build(args.map((a) => this.toExpr(a))), sign });
  }

  /** Parameters, other than the variables, that the normal form still reads. */
  foreign(f: Fraction): string[] {
    const out = new Set<string>();
    for (const p of [f.num, f.den]) for (const t of p.values()) for (const k of t.mono.keys()) for (const name of this.atom(k).foreign) out.add(name);
    return [...out];
  }

  normalise(e: Expr): Fraction {
    const byKey = this.ctx.abstractByKey.get(exprKey(e));
    if (byKey !== undefined) return this.abstracted(byKey);
    switch (e.kind) {
      case 'const':
        return constant(literal(e));
      case 'param': {
        if (this.ctx.variables.has(e.name) && !this.ctx.substitute.has(e.name)) return this.variable(e.name);
        const s = this.ctx.substitute.get(e.name);
        if (s) {
          let f = this.substituted.get(e.name);
          if (!f) this.substituted.set(e.name, (f = this.normalise(s)));
          return f;
        }
        return this.intern({ key: `param:${e.name}`, expr: e, sign: 0 });
      }
      case 'named': {
        const byLabel = this.ctx.abstractByLabel.get(e.label);
        return byLabel !== undefined ? this.abstracted(byLabel) : this.normalise(e.body);
      }
      case 'index':
        return this.intern({ key: `index:${e.name.split('#')[0]}`, expr: e, sign: 0 });
      case 'pow':
        return pow(this.normalise(e.arg), e.n);
      case 'binary': {
        const a = this.normalise(e.left);
        const b = this.normalise(e.right);
        switch (e.op) {
          case 'add': return add(a, b);
          case 'sub': return sub(a, b);
          case 'mul': return mul(a, b);
          case 'div': return this.divide(a, b);
          case 'min':
          case 'max': {
            // min{a, b} = a where a ≤ b on the whole domain (so on a piece c ≤ 1, min{c, 1} = c).
            const order = this.order(a, b);
            if (order !== 0) return (order < 0) === (e.op === 'min') ? a : b;
            const [x, y] = [a, b].sort((p, q) => (fractionKey(p) < fractionKey(q) ? -1 : 1));
            return this.opaque(e.op, [x, y], ([l, r]) => ({ kind: 'binary', op: e.op, left: l, right: r }));
          }
        }
        break;
      }
      case 'unary':
        if (e.op === 'relu') {
          // σ(s·z) = s·σ(z) for a monomial s of positive atoms in the prover's variables (positive homogeneity).
          const arg = this.normalise(e.arg);
          const { outside, inside } = this.splitContent(arg, null);
          if (!isZero(inside) && constantValue(outside) === null) return mul(outside, this.unary('relu', inside));
        }
        return this.unary(e.op, this.normalise(e.arg));
      case 'inner': {
        // ⟨s·a, r·b⟩ = s·r·⟨a, b⟩ for scalars s, r in the prover's variables.
        const l = this.scalarFactor(e.left);
        const r = this.scalarFactor(e.right);
        if (!l && !r) return this.intern({ key: exprKey(e), expr: e });
        const left = l?.rest ?? e.left;
        const right = r?.rest ?? e.right;
        return mul(mul(l?.scalar ?? constant(ONE_Q), r?.scalar ?? constant(ONE_Q)), this.normalise({ kind: 'inner', left, right }));
      }
      case 'reduce': {
        const split = this.scalarFactor(e.arg);
        // ‖v‖ = √‖v‖², so both spellings of a norm meet in one atom.
        if (!split && e.op === 'norm') return this.unary('sqrt', this.normalise({ kind: 'reduce', op: 'normSq', arg: e.arg }));
        if (!split) return this.intern({ key: exprKey(e), expr: e });
        const rest = this.normalise({ kind: 'reduce', op: e.op, arg: split.rest });
        if (e.op === 'normSq') return mul(pow(split.scalar, 2), rest);
        if (e.op === 'total') return mul(split.scalar, rest);
        return mul(this.unary('abs', split.scalar), rest);
      }
      case 'at': {
        const split = this.scalarFactor(e.arg);
        if (!split) return this.intern({ key: exprKey(e), expr: e });
        return mul(split.scalar, this.normalise({ ...e, arg: split.rest }));
      }
      case 'grad':
        return this.gradient(e) ?? this.intern({ key: exprKey(e), expr: e });
      case 'fold':
        if (e.op === 'sum') return this.sum(e);
        return this.intern({ key: exprKey(e), expr: e });
      default:
        // Data-level nodes (norms, inner products, model functions, gradients, closures) stay opaque.
        return this.intern({ key: exprKey(e), expr: e });
    }
    throw new Error('unreachable');
  }

  /** −1 when a ≤ b is certified on the whole domain, +1 when a ≥ b, else 0 (an enclosure of b − a, then a proof). */
  private order(a: Fraction, b: Fraction): number {
    if (this.foreign(a).length || this.foreign(b).length) return 0;
    const difference = this.toExpr(sub(b, a));
    const sign = this.ctx.weakSignOver(difference);
    if (sign !== 0) return -sign;
    if (this.ctx.provedNonnegative?.(difference)) return -1;
    if (this.ctx.provedNonnegative?.(this.toExpr(sub(a, b)))) return 1;
    return 0;
  }

  /**
   * e = s·rest with s a scalar in the prover's variables (its normal form reads nothing else), for the
   * linearity rules; the variables are reals, so s is a scalar even where rest is a vector or matrix.
   */
  private scalarFactor(e: Expr): { scalar: Fraction; rest: Expr } | null {
    if (this.ctx.abstractByKey.has(exprKey(e))) return null;
    if (e.kind === 'named') return this.ctx.abstractByLabel.has(e.label) ? null : this.scalarFactor(e.body);
    if (e.kind === 'at') {
      const inner = this.scalarFactor(e.arg);
      return inner ? { scalar: inner.scalar, rest: { ...e, arg: inner.rest } } : null;
    }
    if (e.kind !== 'binary' || (e.op !== 'mul' && e.op !== 'div')) return null;
    const isScalar = (x: Expr): Fraction | null => {
      if (paramsOf(x).size === 0 && freeIndices(x).size === 0) return this.normalise(x);
      const f = this.normalise(x);
      return this.foreign(f).length === 0 && [...paramsOf(x)].every((p) => this.ctx.variables.has(p) || this.ctx.substitute.has(p)) ? f : null;
    };
    const inner = (x: Expr): { scalar: Fraction; rest: Expr } => this.scalarFactor(x) ?? { scalar: constant(ONE_Q), rest: x };
    if (e.op === 'mul') {
      const a = isScalar(e.left);
      if (a) {
        const r = inner(e.right);
        return { scalar: mul(a, r.scalar), rest: r.rest };
      }
      const b = isScalar(e.right);
      if (b) {
        const r = inner(e.left);
        return { scalar: mul(b, r.scalar), rest: r.rest };
      }
      return null;
    }
    const d = isScalar(e.right);
    if (!d) return null;
    const r = inner(e.left);
    return { scalar: this.divide(r.scalar, d), rest: r.rest };
  }

  /** Abstractions to expressions that read variables: a sum of such terms is never collapsed to n copies. */
  private variableAbstractions = 0;

  private abstracted(as: Expr): Fraction {
    if (paramsOf(as).size > 0) this.variableAbstractions++;
    return this.normalise(as);
  }

  private divide(a: Fraction, b: Fraction): Fraction {
    if (isZero(b)) throw new DomainError('division', true, 'by 0');
    const t = singleTerm(b);
    const nonzero = t ? [...t.mono.keys()].every((k) => this.atom(k).sign !== 0) : this.evidentlyPositive(b.num) && this.evidentlyPositive(b.den);
    if (!nonzero) this.oblige('nonzero', b, 'a divisor');
    return div(a, b);
  }

  private oblige(kind: 'positive' | 'nonzero' | 'nonnegative', of: Fraction, why: string): void {
    const key = `${kind}:${fractionKey(of)}`;
    if (!this.obligations.some((o) => `${o.kind}:${fractionKey(o.of)}` === key)) this.obligations.push({ kind, of, why });
  }

  private unary(op: UnaryOp, a: Fraction): Fraction {
    const one = constant(ONE_Q);
    switch (op) {
      case 'neg': return neg(a);
      case 'sqr': return pow(a, 2);
      case 'exp': return this.exp(a);
      case 'expm1': return sub(this.exp(a), one);
      case 'log': return this.log(a);
      case 'log1p': return this.log(add(one, a));
      // The definitions of the losses (Settings; the exponential loss of the margin lectures).
      case 'logistic': return this.log(add(one, this.exp(neg(a))));
      case 'logisticPrime': {
        const u = this.exp(neg(a));
        return this.divide(neg(u), add(one, u));
      }
      case 'logisticInverse': return neg(this.log(sub(this.exp(a), one)));
      case 'expLoss': return this.exp(neg(a));
      case 'expLossInverse': return neg(this.log(a));
      case 'abs': {
        // |x| = x where x ≥ 0 on the whole domain, −x where x ≤ 0 (certified by interval evaluation).
        const sign = this.foreign(a).length ? 0 : this.ctx.weakSignOver(this.toExpr(a));
        if (sign !== 0) return sign > 0 ? a : neg(a);
        return this.opaque(op, [a], ([x]) => un(op, x));
      }
      case 'sqrt':
      case 'relu':
      case 'reluPrime':
        if (op === 'sqrt') this.oblige('nonnegative', a, 'the argument of a square root');
        return this.opaque(op, [a], ([x]) => un(op, x));
    }
  }

  /** exp of Σ k·log(a) + integer + rest = Π a^k · e^integer · exp(rest), for integer k. */
  private exp(a: Fraction): Fraction {
    const c = constantValue(a);
    if (c && isZero(constant(c))) return constant(ONE_Q);
    let out = constant(ONE_Q);
    let rest: Poly = new Map();
    if (!isPolynomial(a)) return this.opaque('exp', [a], ([x]) => un('exp', x), 1);
    for (const t of a.num.values()) {
      const keys = [...t.mono.keys()];
      const logAtom = keys.length === 1 && t.mono.get(keys[0]) === 1 ? this.atom(keys[0]) : null;
      if (isIntegerQ(t.coef) && keys.length === 0) out = mul(out, pow(this.e(), Number(t.coef.p)));
      else if (isIntegerQ(t.coef) && logAtom?.logOf) out = mul(out, pow(logAtom.logOf, Number(t.coef.p)));
      else rest = new Map([...rest, [monoKey(t.mono), t]]);
    }
    if (rest.size) {
      const r: Fraction = { num: rest, den: constant(ONE_Q).num };
      out = mul(out, this.intern({ key: `exp(${fractionKey(r)})`, expr: un('exp', this.toExpr(r)), expOf: r, sign: 1 }));
    }
    return out;
  }

  private e(): Fraction {
    return this.intern({ key: 'e', expr: un('exp', { kind: 'const', value: 1 }), sign: 1 });
  }

  /** A polynomial every term of which is positive on the domain. */
  private evidentlyPositive(p: Poly): boolean {
    return p.size > 0 && [...p.values()].every((t) => signQ(t.coef) > 0 && [...t.mono].every(([k, e]) => e % 2 === 0 || this.atom(k).sign > 0));
  }

  private log(a: Fraction): Fraction {
    if (isZero(a)) throw new DomainError('log', true, 'of 0');
    const c = constantValue(a);
    if (c) return logOfRational(c, (n) => this.intern({ key: `log(${n})`, expr: un('log', constExpr(rational(n))), sign: 1 }));
    const t = singleTerm(a);
    if (t && signQ(t.coef) > 0 && [...t.mono.keys()].every((k) => this.atom(k).sign > 0)) {
      // log(q·Π a^k) = log q + Σ k·log a, for positive atoms a.
      let out = logOfRational(t.coef, (n) => this.intern({ key: `log(${n})`, expr: un('log', constExpr(rational(n))), sign: 1 }));
      for (const [k, e] of t.mono) out = add(out, mul(constant(rational(BigInt(e))), this.logOfAtom(k)));
      return out;
    }
    if (this.evidentlyPositive(a.num) && this.evidentlyPositive(a.den) && !(a.den.size === 1 && a.den.has(''))) {
      return sub(this.log({ num: a.num, den: constant(ONE_Q).num }), this.log({ num: a.den, den: constant(ONE_Q).num }));
    }
    if (this.evidentlyPositive(a.num) && a.num.size > 1) {
      // Take out the common monomial of positive atoms: log(m·P) = log m + log P.
      const shared = new Map<string, number>();
      const terms = [...a.num.values()];
      for (const k of new Set(terms.flatMap((x) => [...x.mono.keys()]))) {
        const low = Math.min(...terms.map((x) => x.mono.get(k) ?? 0));
        if (low !== 0 && this.atom(k).sign > 0) shared.set(k, low);
      }
      if (shared.size) {
        const m: Fraction = { num: new Map([[monoKey(shared), { coef: ONE_Q, mono: shared }]]), den: constant(ONE_Q).num };
        return add(this.log(m), this.log(div(a, m)));
      }
    }
    this.oblige('positive', a, 'the argument of a logarithm');
    return this.intern({ key: `log(${fractionKey(a)})`, expr: un('log', this.toExpr(a)), logOf: a });
  }

  private logOfAtom(key: string): Fraction {
    const a = this.atom(key);
    if (key === 'e') return constant(ONE_Q);
    if (a.expOf) return a.expOf;
    return this.intern({ key: `log(${key})`, expr: un('log', a.expr), logOf: atomFraction(key) });
  }

  /** Σ_{i=from}^{to} body: (to − from + 1)·body when the body does not depend on i; otherwise an atom the termwise reduction opens. */
  private sum(e: Extract<Expr, { kind: 'fold' }>): Fraction {
    const from = this.normalise(e.from);
    const to = this.normalise(e.to);
    const before = this.variableAbstractions;
    const body = this.normalise(e.body);
    const index = e.index.split('#')[0];
    // A body that reads i collapses to n copies of one term only when its normal form no longer reads i and no
    // abstraction to a variable stood in for a quantity of term i (those terms differ; only the termwise
    // reduction may open such a sum).
    const readsIndex = this.atomsOf(body).some((a) => a.foreign.includes(index));
    const collapsible = !freeIndices(e.body).has(e.index) || (!readsIndex && this.variableAbstractions === before);
    if (collapsible) return mul(add(sub(to, from), constant(ONE_Q)), body);
    // Σ_i s·B_i = s·Σ_i B_i for a monomial s that does not depend on i: equal sums get equal atoms.
    const { outside, inside } = this.splitContent(body, index);
    const key = `sum[${index}=${fractionKey(from)}..${fractionKey(to)}](${fractionKey(inside)})`;
    // A sum of positive terms over a range the domain proves non-empty is positive.
    const count = add(sub(to, from), constant(ONE_Q));
    const positive = this.evidentlyPositive(inside.num) && this.evidentlyPositive(inside.den) && this.foreign(count).length === 0 && this.ctx.signOver(this.toExpr(count)) > 0;
    const atom = this.intern({ key, expr: { ...e, body: this.toExpr(inside) }, sum: { index, from, to, body: inside }, sign: positive ? 1 : 0 });
    return mul(outside, atom);
  }

  /**
   * ∇_V body(V) at a scalar point x(v) of one prover variable v: d body(x(v))/dv ÷ dx/dv (chain rule),
   * by exact differentiation of the normal form; null (opaque) for anything else.
   */
  private gradient(e: Extract<Expr, { kind: 'grad' }>): Fraction | null {
    const at = this.normalise(e.at);
    const names = this.readBy(at);
    if (names.size === 0 || this.foreign(at).length) return null;
    // Several variables (t = c/(2nγ̄²)): differentiate along one the body reads only through the point,
    // so its partial derivative is the body's derivative times the point's (d/dt = ∂_c / ∂_c t).
    let name = [...names][0];
    if (names.size > 1) {
      let explicit: Set<string>;
      try {
        // The body with its variable V kept apart (a variable of the point's sign), to see what else it reads.
        const sign = this.ctx.signOver(this.toExpr(at));
        const probe = new Normaliser({ ...this.ctx, variables: new Map([...this.ctx.variables, [e.variable, sign]]) });
        explicit = probe.readBy(probe.normalise(e.body));
        explicit.delete(e.variable);
      } catch {
        return null;
      }
      const free = [...names].filter((x) => !explicit.has(x));
      if (free.length === 0) return null;
      name = free[0];
    }
    const v = `var:${name}`;
    const inner = new Normaliser({ ...this.ctx, substitute: new Map([...this.ctx.substitute, [e.variable, e.at]]) });
    inner.variable(name);
    const body = inner.normalise(e.body);
    try {
      const slope = inner.derivative(inner.normalise(e.at), v, name);
      const d = inner.derivative(body, v, name);
      return this.normalise(inner.toExpr(this.divide(d, slope)));
    } catch {
      return null;
    }
  }

  /** d/dv of a normal form, for atoms built from v by log and exp (others must not read v). */
  derivative(f: Fraction, v: string, name: string): Fraction {
    const poly = (p: Poly): Fraction => {
      let out = constant(ZERO_Q);
      for (const t of p.values()) {
        for (const [k, e] of t.mono) {
          const rest = new Map(t.mono);
          if (e === 1) rest.delete(k);
          else rest.set(k, e - 1);
          const term: Fraction = { num: new Map([[monoKey(rest), { coef: mulQ(t.coef, rational(BigInt(e))), mono: rest }]]), den: constant(ONE_Q).num };
          out = add(out, mul(term, this.atomDerivative(k, v, name)));
        }
      }
      return out;
    };
    const num: Fraction = { num: f.num, den: constant(ONE_Q).num };
    const den: Fraction = { num: f.den, den: constant(ONE_Q).num };
    if (isPolynomial(f)) return poly(f.num);
    return div(sub(mul(poly(f.num), den), mul(num, poly(f.den))), mul(den, den));
  }

  private atomDerivative(key: string, v: string, name: string): Fraction {
    if (key === v) return constant(ONE_Q);
    const a = this.atom(key);
    if (!paramsOf(a.expr).has(name)) return constant(ZERO_Q);
    if (a.logOf) return this.divide(this.derivative(a.logOf, v, name), a.logOf);
    if (a.expOf) return mul(atomFraction(key), this.derivative(a.expOf, v, name));
    throw new Error(`cannot differentiate ${key}`);
  }

  /** The monomial common to every term, of atoms that do not read `index` (with index null: positive atoms in the variables only). */
  private splitContent(body: Fraction, index: string | null): { outside: Fraction; inside: Fraction } {
    const terms = [...body.num.values()];
    if (!isPolynomial(body) || terms.length === 0) return { outside: constant(ONE_Q), inside: body };
    const shared = new Map<string, number>();
    for (const k of new Set(terms.flatMap((t) => [...t.mono.keys()]))) {
      const a = this.atom(k);
      if (index === null ? a.foreign.length > 0 || a.sign <= 0 : a.foreign.includes(index) || k.startsWith('sum[')) continue;
      const exps = terms.map((t) => t.mono.get(k) ?? 0);
      const low = exps.every((x) => x > 0) ? Math.min(...exps) : exps.every((x) => x < 0) ? Math.max(...exps) : 0;
      if (low !== 0) shared.set(k, low);
    }
    if (shared.size === 0) return { outside: constant(ONE_Q), inside: body };
    const m: Fraction = { num: new Map([[monoKey(shared), { coef: ONE_Q, mono: shared }]]), den: constant(ONE_Q).num };
    return { outside: m, inside: div(body, m) };
  }

  /** An expression that evaluates the normal form (coefficients as exact literals). */
  toExpr(f: Fraction): Expr {
    const poly = (p: Poly): Expr => {
      const terms = [...p.values()].sort((a, b) => (monoKey(a.mono) < monoKey(b.mono) ? -1 : 1));
      if (terms.length === 0) return { kind: 'const', value: 0 };
      return terms
        .map((t): Expr => {
          let prod: Expr | null = null;
          let inverse: Expr | null = null;
          for (const [k, e] of [...t.mono].sort(([a], [b]) => (a < b ? -1 : 1))) {
            const base = this.atom(k).expr;
            const factor: Expr = Math.abs(e) === 1 ? base : { kind: 'pow', arg: base, n: Math.abs(e) };
            if (e > 0) prod = prod ? { kind: 'binary', op: 'mul', left: prod, right: factor } : factor;
            else inverse = inverse ? { kind: 'binary', op: 'mul', left: inverse, right: factor } : factor;
          }
          const one = t.coef.p === 1n && t.coef.q === 1n;
          let out: Expr = prod ? (one ? prod : { kind: 'binary', op: 'mul', left: constExpr(t.coef), right: prod }) : constExpr(t.coef);
          if (inverse) out = { kind: 'binary', op: 'div', left: out, right: inverse };
          return out;
        })
        .reduce((a, b) => ({ kind: 'binary', op: 'add', left: a, right: b }));
    };
    const num = poly(f.num);
    return isPolynomial(f) ? num : { kind: 'binary', op: 'div', left: num, right: poly(f.den) };
  }

  /** Every atom of a fraction, for callers that inspect signs or sums. */
  /** The prover's variables a normal form reads. */
  readBy(f: Fraction): Set<string> {
    return new Set(this.atomsOf(f).flatMap((a) => [...paramsOf(a.expr)].filter((p) => this.ctx.variables.has(p))));
  }

  atomsOf(f: Fraction): Atom[] {
    const keys = new Set<string>();
    for (const p of [f.num, f.den]) for (const t of p.values()) for (const k of t.mono.keys()) keys.add(k);
    return [...keys].map((k) => this.atom(k));
  }
}

export { ZERO_Q };
