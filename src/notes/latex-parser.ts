/**
 * A parser for the notation of the lecture's LaTeX: relation chains of
 * expressions with Σ/min/max over index ranges, norms, inner products,
 * fractions, function application, sub- and superscripts, limits and
 * integrals. It is written for the notes rather than for all of LaTeX, so
 * that every construct it accepts has one meaning the compiler can give, and
 * everything else is an error naming its column.
 */
import type { Relation } from '../checker/report.js';

export class LatexSyntaxError extends Error {
  override name = 'LatexSyntaxError';
  constructor(
    message: string,
    /** 0-based offset in the parsed text. */
    readonly offset: number,
  ) {
    super(message);
  }
}

interface Span {
  /** Offsets of the node's first character and one past its last, in the parsed text. */
  at: number;
  end: number;
}

export type BigOp = 'sum' | 'min' | 'max' | 'argmax' | 'inf' | 'lim' | 'limsup';

export type Node = Span &
  (
    | { kind: 'num'; text: string }
    /** A symbol: a letter or a command (canonical name, e.g. "γ̄", "𝓛", "ℓ"), with its decorations. */
    | { kind: 'sym'; name: string; sub?: Node; sup?: Node; primes: number; transposed: boolean }
    | { kind: 'apply'; head: Node; args: Node[] }
    | { kind: 'neg'; arg: Node }
    | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Node; right: Node; juxtaposed?: boolean }
    | { kind: 'pow'; base: Node; exp: Node }
    | { kind: 'norm'; arg: Node }
    | { kind: 'abs'; arg: Node }
    | { kind: 'inner'; left: Node; right: Node }
    | { kind: 'paren'; arg: Node; bracket?: boolean }
    /** \{a, b\}: the arguments of min/max. */
    | { kind: 'set'; items: Node[] }
    /** \log, \exp with an optional power (\log^2) and subscript (\log_+). */
    | { kind: 'fn'; name: 'log' | 'exp' | 'sqrt'; power?: Node; sub?: Node; arg: Node }
    /** Σ, min, max, argmax, inf, lim, lim sup with what is written beneath and above. */
    | { kind: 'big'; op: BigOp; below?: Statement; above?: Node; body: Node }
    | { kind: 'integral'; from: Node; to: Node; variable: string; body: Node }
  );

/** a = b ≤ c, possibly starting with its relation (a chain's later lines), then ", \quad …" qualifiers. */
export interface Statement extends Span {
  first?: Node;
  links: { relation: Relation | ':=' | '=:' | '∈' | '→'; expr: Node }[];
  /** ", \quad \forall i \in [n]" */
  forall: { index: string; range: Node }[];
  /** ", \quad V = …": a name for an expression used in the statement. */
  lets: { name: string; expr: Node }[];
}

type Token = { type: 'cmd'; text: string; at: number; end: number } | { type: 'char'; text: string; at: number; end: number } | { type: 'num'; text: string; at: number; end: number };

const SKIPPED = new Set(['\\,', '\\;', '\\!', '\\ ', '\\displaystyle', '&', '\\\\', '\\left', '\\right', '\\big', '\\Big', '\\bigg']);

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let k = 0;
  while (k < text.length) {
    const ch = text[k];
    if (/\s/.test(ch)) {
      k++;
      continue;
    }
    if (ch === '\\') {
      let j = k + 1;
      if (/[A-Za-z]/.test(text[j] ?? '')) while (/[A-Za-z]/.test(text[j] ?? '')) j++;
      else j++;
      out.push({ type: 'cmd', text: text.slice(k, j), at: k, end: j });
      k = j;
      continue;
    }
    if (/\d/.test(ch)) {
      let j = k;
      while (/\d/.test(text[j] ?? '')) j++;
      if (text[j] === '.' && /\d/.test(text[j + 1] ?? '')) {
        j++;
        while (/\d/.test(text[j] ?? '')) j++;
      }
      out.push({ type: 'num', text: text.slice(k, j), at: k, end: j });
      k = j;
      continue;
    }
    if (ch === '$') throw new LatexSyntaxError('prose, not a formula (it has $…$ inside)', k);
    out.push({ type: 'char', text: ch === 'ℓ' ? '\\ell' : ch, at: k, end: k + 1 });
    k++;
  }
  return out.filter((t) => !SKIPPED.has(t.text));
}

const GREEK: Record<string, string> = {
  '\\ell': 'ℓ', '\\sigma': 'σ', '\\eta': 'η', '\\gamma': 'γ', '\\nabla': '∇', '\\kappa': 'κ', '\\delta': 'δ',
  '\\epsilon': 'ε', '\\varepsilon': 'ε', '\\theta': 'θ', '\\alpha': 'α', '\\beta': 'β', '\\lambda': 'λ', '\\mu': 'μ', '\\infty': '∞',
};
/** Accents as combining characters: \hat{R} is "R̂", \bar{\gamma} "γ̄". */
const ACCENTS: Record<string, string> = { '\\hat': '\u0302', '\\bar': '\u0304', '\\tilde': '\u0303', '\\dot': '\u0307', '\\vec': '\u20d7', '\\overrightarrow': '\u20d7' };
const FONTS: Record<string, Record<string, string>> = {
  '\\mathcal': { L: '𝓛', R: '𝓡', N: '𝓝' },
  '\\mathbf': { '0': '𝟎' },
  '\\mathbb': { R: 'ℝ', N: 'ℕ' },
};

const RELATIONS: Record<string, Statement['links'][number]['relation']> = {
  '=': '=', '<': '<', '>': '>', '\\leq': '≤', '\\le': '≤', '\\geq': '≥', '\\ge': '≥', '\\in': '∈', '\\rightarrow': '→', '\\to': '→',
};

/** Parses one line (or a fragment of an aligned display) of the notes. */
export function parseStatement(text: string): Statement {
  return new Parser(text).statement();
}

class Parser {
  private readonly tokens: Token[];
  private k = 0;
  /** Open |…| and ‖…‖: inside them the same bar closes rather than opens. */
  private bars: string[] = [];

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.k + offset];
  }

  private get offset(): number {
    return this.peek()?.at ?? this.text.length;
  }

  private lastEnd(): number {
    return this.tokens[this.k - 1]?.end ?? 0;
  }

  private fail(message: string, at = this.offset): never {
    throw new LatexSyntaxError(message, at);
  }

  private is(text: string): boolean {
    return this.peek()?.text === text;
  }

  private eat(text: string): boolean {
    if (!this.is(text)) return false;
    this.k++;
    return true;
  }

  private expect(text: string, what = `'${text}'`): void {
    if (!this.eat(text)) this.fail(`expected ${what}${this.peek() ? `, found '${this.peek()!.text}'` : ' at the end'}`);
  }

  statement(): Statement {
    const at = this.offset;
    this.skipEnvironment('\\begin');
    const out: Statement = { at, end: at, links: [], forall: [], lets: [] };
    if (!this.relationAhead()) out.first = this.expr();
    for (let r = this.relation(); r; r = this.relation()) out.links.push({ relation: r, expr: this.expr() });
    this.skipEnvironment('\\end');
    while (this.eat(',')) {
      this.eat('\\quad');
      if (this.eat('\\forall')) {
        const index = this.letter();
        this.expect('\\in');
        out.forall.push({ index, range: this.expr() });
      } else {
        const name = this.letter();
        this.expect('=', `'=' after ${name} (", \\quad ${name} = …")`);
        out.lets.push({ name, expr: this.expr() });
      }
    }
    this.skipEnvironment('\\end');
    if (this.peek()) this.fail(`unexpected '${this.peek()!.text}'`);
    out.end = this.text.length;
    return out;
  }

  /** \begin{aligned} … \end{aligned}: the alignment marks are already dropped; the display is one chain. */
  private skipEnvironment(command: string): void {
    if (!this.is(command)) return;
    this.k++;
    this.group(() => {
      while (this.peek() && !this.is('}')) this.k++;
      return null;
    });
  }

  private letter(): string {
    const t = this.peek();
    if (!t || t.type !== 'char' || !/^[A-Za-z]$/.test(t.text)) this.fail('expected a name');
    this.k++;
    return t.text;
  }

  private relationAhead(): boolean {
    const t = this.peek();
    if (!t) return false;
    return t.text in RELATIONS || (t.text === ':' && this.peek(1)?.text === '=');
  }

  private relation(): Statement['links'][number]['relation'] | null {
    const t = this.peek();
    if (!t) return null;
    if (t.text === ':' && this.peek(1)?.text === '=') {
      this.k += 2;
      return ':=';
    }
    if (t.text === '=' && this.peek(1)?.text === ':') {
      this.k += 2;
      return '=:';
    }
    const r = RELATIONS[t.text];
    if (!r) return null;
    this.k++;
    return r;
  }

  /** A braced group {…} or a single token, parsed by `inner`. */
  private group<T>(inner: () => T): T {
    if (this.eat('{')) {
      const out = inner();
      this.expect('}');
      return out;
    }
    return inner();
  }

  private expr(): Node {
    const at = this.offset;
    let left: Node;
    if (this.eat('-')) {
      const arg = this.term();
      left = { kind: 'neg', arg, at, end: arg.end };
    } else {
      this.eat('+');
      left = this.term();
    }
    for (;;) {
      const op = this.peek()?.text;
      if (op !== '+' && op !== '-') return left;
      this.k++;
      const right = this.term();
      left = { kind: 'bin', op, left, right, at, end: right.end };
    }
  }

  private term(): Node {
    const at = this.offset;
    let left = this.factor();
    for (;;) {
      if (this.eat('\\cdot') || this.eat('\\times')) {
        const right = this.factor();
        left = { kind: 'bin', op: '*', left, right, at, end: right.end };
      } else if (this.eat('/')) {
        const right = this.factor();
        left = { kind: 'bin', op: '/', left, right, at, end: right.end };
      } else if (this.startsFactor()) {
        const right = this.factor();
        left = { kind: 'bin', op: '*', left, right, at, end: right.end, juxtaposed: true };
      } else return left;
    }
  }

  private startsFactor(): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.type === 'num') return true;
    if (t.type === 'char') {
      if (/^[A-Za-z]$/.test(t.text)) return !this.atDifferential();
      if (t.text === '(' || t.text === '[') return true;
      if (t.text === '|') return this.bars[this.bars.length - 1] !== '|';
      return false;
    }
    if (t.text === '\\|') return this.bars[this.bars.length - 1] !== '\\|';
    return !['\\cdot', '\\times', '\\leq', '\\le', '\\geq', '\\ge', '\\in', '\\rangle', '\\quad', '\\forall', '\\rightarrow', '\\to', '\\end', '\\}', '\\neq'].includes(t.text);
  }

  /** "ds" closing an integral. */
  private integralVariable: string | null = null;
  private atDifferential(): boolean {
    return this.integralVariable !== null && this.is('d') && this.peek(1)?.text === this.integralVariable;
  }

  private factor(): Node {
    let base = this.primary();
    for (;;) {
      if (this.eat('^')) {
        const exp = this.script();
        if (exp.kind === 'sym' && exp.name === '⊤' && base.kind === 'sym') base = { ...base, transposed: true, end: this.lastEnd() };
        else base = { kind: 'pow', base, exp, at: base.at, end: this.lastEnd() };
      } else return base;
    }
  }

  /** A sub- or superscript: a braced expression or one token. */
  private script(): Node {
    if (this.is('{')) {
      this.k++;
      const saved = this.bars;
      this.bars = [];
      const inner = this.is('}') ? this.fail('empty script') : this.scriptBody();
      this.bars = saved;
      this.expect('}');
      return inner;
    }
    const t = this.peek();
    if (!t) this.fail('a script needs a value');
    if (t.type === 'num') {
      // x^2: one digit, as LaTeX reads it.
      this.k++;
      if (t.text.length > 1) {
        this.tokens.splice(this.k, 0, { type: 'num', text: t.text.slice(1), at: t.at + 1, end: t.end });
        return { kind: 'num', text: t.text[0], at: t.at, end: t.at + 1 };
      }
      return { kind: 'num', text: t.text, at: t.at, end: t.end };
    }
    if (t.text === '+' || t.text === '-') {
      this.k++;
      return { kind: 'sym', name: t.text, primes: 0, transposed: false, at: t.at, end: t.end };
    }
    if (t.text === '\\top') {
      this.k++;
      return { kind: 'sym', name: '⊤', primes: 0, transposed: false, at: t.at, end: t.end };
    }
    if (t.type === 'char' && /^[A-Za-z]$/.test(t.text)) {
      // w_j^⊤: an unbraced script is one letter; what follows belongs to the symbol it decorates.
      this.k++;
      return { kind: 'sym', name: t.text, primes: 0, transposed: false, at: t.at, end: t.end };
    }
    return this.symbol();
  }

  /** Inside {…} of a script: an expression, or a relation (i < t, k = 1, \|w\| = 1, c \rightarrow \infty). */
  private scriptBody(): Node {
    const at = this.offset;
    if (this.is('+') && this.peek(1)?.text === '}') {
      this.k++;
      return { kind: 'sym', name: '+', primes: 0, transposed: false, at, end: at + 1 };
    }
    if (this.is('\\top')) {
      this.k++;
      return { kind: 'sym', name: '⊤', primes: 0, transposed: false, at, end: this.lastEnd() };
    }
    return this.expr();
  }

  /** What is written beneath a big operator: "k=1", "i < t", "i \in [n]", "\|w\|=1", "c \rightarrow \infty", "w". */
  private beneath(): Statement {
    const at = this.offset;
    const body = (): Statement => {
      const saved = this.bars;
      this.bars = [];
      const out: Statement = { at, end: at, first: this.expr(), links: [], forall: [], lets: [] };
      for (let r = this.relation(); r; r = this.relation()) out.links.push({ relation: r, expr: this.expr() });
      this.bars = saved;
      out.end = this.lastEnd();
      return out;
    };
    if (this.eat('{')) {
      const out = body();
      this.expect('}');
      return out;
    }
    const symbol = this.symbol();
    return { at, end: symbol.end, first: symbol, links: [], forall: [], lets: [] };
  }

  private primary(): Node {
    const t = this.peek();
    if (!t) this.fail('expected an expression, found the end');
    const at = t.at;
    if (t.type === 'num') {
      this.k++;
      return { kind: 'num', text: t.text, at, end: t.end };
    }
    if (t.text === '(' || t.text === '[') {
      this.k++;
      const saved = this.bars;
      this.bars = [];
      const arg = this.expr();
      this.bars = saved;
      // (a, b): an open interval, written after \in.
      if (this.is(',')) this.fail('an interval (a, b) is two comparisons; the compiler takes one relation per step');
      this.expect(t.text === '(' ? ')' : ']');
      return { kind: 'paren', arg, ...(t.text === '[' ? { bracket: true } : {}), at, end: this.lastEnd() };
    }
    if (t.text === '{') {
      this.k++;
      const arg = this.expr();
      this.expect('}');
      return { kind: 'paren', arg, at, end: this.lastEnd() };
    }
    if (t.text === '|' || t.text === '\\|') {
      this.k++;
      this.bars.push(t.text);
      const arg = this.expr();
      this.bars.pop();
      this.expect(t.text, t.text === '|' ? "a closing '|'" : "a closing '\\|'");
      let node: Node = { kind: t.text === '|' ? 'abs' : 'norm', arg, at, end: this.lastEnd() };
      // ‖·‖_F and ‖·‖_2 are the same norm on the flattened tensor.
      if (this.eat('_')) this.script();
      node = { ...node, end: this.lastEnd() };
      return node;
    }
    if (t.text === '\\langle') {
      this.k++;
      const saved = this.bars;
      this.bars = [];
      const left = this.expr();
      this.expect(',');
      const right = this.expr();
      this.bars = saved;
      this.expect('\\rangle');
      return { kind: 'inner', left, right, at, end: this.lastEnd() };
    }
    if (t.text === '\\{') {
      this.k++;
      const items = [this.expr()];
      while (this.eat(',')) items.push(this.expr());
      this.expect('\\}');
      return { kind: 'set', items, at, end: this.lastEnd() };
    }
    if (t.text === '\\frac') {
      this.k++;
      const num = this.braced();
      const den = this.braced();
      return { kind: 'bin', op: '/', left: num, right: den, at, end: this.lastEnd() };
    }
    if (t.text === '\\log' || t.text === '\\exp' || t.text === '\\sqrt') return this.namedFunction();
    if (t.text === '\\sum' || t.text === '\\min' || t.text === '\\max' || t.text === '\\inf' || t.text === '\\lim' || t.text === '\\limsup' || t.text === '\\operatorname' || t.text === '\\arg') return this.bigOperator();
    if (t.text === '\\int') return this.integral();
    if (t.text === '\\text' || t.text === '\\mbox') this.fail('prose (\\text{…}), not a formula');
    return this.applied(this.symbol());
  }

  private braced(): Node {
    this.expect('{');
    const saved = this.bars;
    this.bars = [];
    const out = this.expr();
    this.bars = saved;
    this.expect('}');
    return out;
  }

  /** \log x, \log(x), \log^2(c), \log_+^3 c, \exp(-z). Without parentheses the argument is the next factor. */
  private namedFunction(): Node {
    const t = this.peek()!;
    this.k++;
    const name = t.text.slice(1) as 'log' | 'exp' | 'sqrt';
    let power: Node | undefined;
    let sub: Node | undefined;
    for (;;) {
      if (this.eat('^')) power = this.script();
      else if (this.eat('_')) sub = this.script();
      else break;
    }
    const arg = name === 'sqrt' ? this.braced() : this.is('(') ? this.primary() : this.factor();
    return { kind: 'fn', name, ...(power ? { power } : {}), ...(sub ? { sub } : {}), arg, at: t.at, end: this.lastEnd() };
  }

  private bigOperator(): Node {
    const t = this.peek()!;
    this.k++;
    let op: BigOp;
    if (t.text === '\\operatorname') {
      const word = this.group(() => {
        let w = '';
        while (this.peek() && !this.is('}')) w += this.peek()!.text, this.k++;
        return w;
      });
      if (word !== 'argmax') this.fail(`unknown operator ${word}`, t.at);
      op = 'argmax';
    } else if (t.text === '\\arg') {
      this.expect('\\max');
      op = 'argmax';
    } else op = t.text.slice(1) as BigOp;
    if ((op === 'min' || op === 'max') && this.is('\\{')) {
      const set = this.primary();
      return { kind: 'apply', head: { kind: 'sym', name: op, primes: 0, transposed: false, at: t.at, end: t.end }, args: (set as { items: Node[] }).items, at: t.at, end: set.end };
    }
    let below: Statement | undefined;
    let above: Node | undefined;
    for (;;) {
      if (this.eat('_')) below = this.beneath();
      else if (this.eat('^')) above = this.script();
      else break;
    }
    const body = op === 'sum' ? this.sumBody(below) : this.term();
    return { kind: 'big', op, ...(below ? { below } : {}), ...(above ? { above } : {}), body, at: t.at, end: body.end };
  }

  /**
   * The body of Σ: a product, extended over "± term" while the term uses the
   * summation index (so "Σ_k ℓ(a_k) − ℓ(b_k)" sums the difference, as the notes mean).
   */
  private sumBody(below: Statement | undefined): Node {
    const at = this.offset;
    let body = this.term();
    const index = below?.first?.kind === 'sym' ? below.first.name : null;
    while (index && (this.is('+') || this.is('-'))) {
      const saved = this.k;
      const op = this.peek()!.text as '+' | '-';
      this.k++;
      let right: Node;
      try {
        right = this.term();
      } catch {
        this.k = saved;
        break;
      }
      if (!mentions(right, index)) {
        this.k = saved;
        break;
      }
      body = { kind: 'bin', op, left: body, right, at, end: right.end };
    }
    return body;
  }

  private integral(): Node {
    const t = this.peek()!;
    this.k++;
    let from: Node | undefined;
    let to: Node | undefined;
    for (;;) {
      if (this.eat('_')) from = this.script();
      else if (this.eat('^')) to = this.script();
      else break;
    }
    if (!from || !to) this.fail('an integral needs both bounds', t.at);
    // The variable is the letter after the first "d" that is followed by a letter and then by nothing, a relation or a line break.
    let variable: string | null = null;
    for (let j = this.k; j < this.tokens.length - 1 && !variable; j++) {
      const after = this.tokens[j + 2]?.text;
      if (this.tokens[j].text === 'd' && /^[a-z]$/.test(this.tokens[j + 1].text) && (after === undefined || !/^[A-Za-z(]$/.test(after))) variable = this.tokens[j + 1].text;
    }
    if (!variable) this.fail('an integral needs its d<variable>', t.at);
    const saved = this.integralVariable;
    this.integralVariable = variable;
    const body = this.expr();
    this.integralVariable = saved;
    this.expect('d', `'d${variable}'`);
    this.expect(variable, `'d${variable}'`);
    return { kind: 'integral', from, to, variable, body, at: t.at, end: this.lastEnd() };
  }

  /** A letter or a symbol command, with accents, fonts, primes and subscripts (superscripts are powers, except ^{(i)} and ^{-1} on functions, left to the compiler). */
  private symbol(): Node {
    const t = this.peek();
    if (!t) this.fail('expected a symbol, found the end');
    const at = t.at;
    let name: string;
    if (t.type === 'char' && /^[A-Za-z]$/.test(t.text)) {
      this.k++;
      name = t.text;
    } else if (t.text in ACCENTS) {
      this.k++;
      const inner = this.group(() => this.symbol());
      if (inner.kind !== 'sym') this.fail('an accent on something other than a symbol', at);
      name = (inner.name + ACCENTS[t.text]).normalize('NFC');
    } else if (t.text in FONTS) {
      this.k++;
      const letter = this.group(() => {
        const x = this.peek();
        if (!x) this.fail('a font needs a letter');
        this.k++;
        return x.text;
      });
      name = FONTS[t.text][letter] ?? this.fail(`no meaning for ${t.text}{${letter}}`, at);
    } else if (t.text in GREEK) {
      this.k++;
      name = GREEK[t.text];
      if (name === '∇') {
        // ∇F: the gradient of the function symbol that follows.
        const inner = this.symbol();
        if (inner.kind !== 'sym') this.fail('∇ of something other than a function symbol', at);
        return { ...inner, name: `∇${inner.name}`, at };
      }
    } else this.fail(`unexpected '${t.text}'`);
    let primes = 0;
    let sub: Node | undefined;
    let sup: Node | undefined;
    for (;;) {
      if (this.eat("'")) primes++;
      else if (!sub && this.is('_')) {
        this.k++;
        sub = this.script();
      } else if (!sup && this.is('^') && this.supBelongsToSymbol()) {
        this.k++;
        sup = this.script();
        if (sup.kind === 'sym' && sup.name === '⊤') {
          sup = undefined;
          return { kind: 'sym', name, primes, transposed: true, ...(sub ? { sub } : {}), at, end: this.lastEnd() };
        }
      } else break;
    }
    return { kind: 'sym', name, primes, transposed: false, ...(sub ? { sub } : {}), ...(sup ? { sup } : {}), at, end: this.lastEnd() };
  }

  /** ^{-1}, ^{(i)} and ^\top belong to the symbol (ℓ⁻¹, R̂⁽ⁱ⁾, w_j^⊤); other superscripts are powers. */
  private supBelongsToSymbol(): boolean {
    const a = this.peek(1)?.text;
    const b = this.peek(2)?.text;
    return a === '\\top' || (a === '{' && (b === '(' || b === '-' || b === '\\top'));
  }

  /** f(x; w), m_i(w), ℓ(z): a symbol followed by parentheses is applied (the compiler decides whether it is a function). */
  private applied(head: Node): Node {
    if (!this.is('(')) return head;
    const at = head.at;
    this.k++;
    const saved = this.bars;
    this.bars = [];
    const args = [this.expr()];
    while (this.eat(',') || this.eat(';')) args.push(this.expr());
    this.bars = saved;
    this.expect(')');
    return { kind: 'apply', head, args, at, end: this.lastEnd() };
  }
}

/** Whether the symbol (a letter or a canonical name) occurs free in the node (a Σ_i or ∫ ds inside binds its own i or s). */
export function mentions(node: Node, name: string): boolean {
  const seen = (n: Node | undefined): boolean => (n ? mentions(n, name) : false);
  switch (node.kind) {
    case 'num':
      return false;
    case 'sym':
      return node.name === name || seen(node.sub) || seen(node.sup);
    case 'apply':
      return seen(node.head) || node.args.some(seen);
    case 'neg':
    case 'norm':
    case 'abs':
    case 'paren':
      return seen(node.arg);
    case 'bin':
    case 'inner':
      return seen(node.left) || seen(node.right);
    case 'pow':
      return seen(node.base) || seen(node.exp);
    case 'set':
      return node.items.some(seen);
    case 'fn':
      return seen(node.arg) || seen(node.power) || seen(node.sub);
    case 'big': {
      const binds = node.below?.first?.kind === 'sym' && node.below.first.name === name;
      return (!binds && (seen(node.body) || seen(node.below?.first))) || seen(node.above) || (node.below?.links.some((l) => seen(l.expr)) ?? false);
    }
    case 'integral':
      return (node.variable !== name && seen(node.body)) || seen(node.from) || seen(node.to);
  }
}
