import type { Expr } from './expr.js';

const SUBSCRIPT: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', t: 'ₜ', m: 'ₘ', n: 'ₙ' };

function sub(text: string): string {
  return [...text].every((c) => SUBSCRIPT[c]) ? [...text].map((c) => SUBSCRIPT[c]).join('') : `_{${text}}`;
}

const displayIndex = (name: string): string => name.split('#')[0];

const PRECEDENCE = { add: 1, sub: 1, mul: 2, div: 2 } as const;

const UNARY_NAME: Record<string, string> = {
  exp: 'exp', expm1: 'expm1', log: 'log', log1p: 'log1p', sqrt: '√', relu: 'σ', reluPrime: "σ'",
  logistic: 'ℓ', logisticPrime: "ℓ'", logisticInverse: 'ℓ⁻¹', expLoss: 'ℓ', expLossInverse: 'ℓ⁻¹',
};

/** A readable one-line rendering of an expression, in the notes' notation where it has one. */
export function print(e: Expr): string {
  return render(e, 0);
}

function render(e: Expr, outer: number): string {
  switch (e.kind) {
    case 'const':
      return e.text ?? String(e.value);
    case 'param':
      return e.label ?? e.name;
    case 'index':
      return displayIndex(e.name);
    case 'named':
      return e.label;
    case 'closure':
      return `⟪${e.label}⟫`;
    case 'unary': {
      if (e.op === 'neg') return paren(`−${render(e.arg, 3)}`, outer > 1);
      if (e.op === 'abs') return `|${render(e.arg, 0)}|`;
      if (e.op === 'sqr') return `${render(e.arg, 4)}²`;
      return `${UNARY_NAME[e.op]}(${render(e.arg, 0)})`;
    }
    case 'pow':
      return `${render(e.arg, 4)}^${e.n}`;
    case 'reduce':
      if (e.op === 'norm') return `‖${render(e.arg, 0)}‖`;
      if (e.op === 'normSq') return `‖${render(e.arg, 0)}‖²`;
      return `Σ(${render(e.arg, 0)})`;
    case 'inner':
      return `⟨${render(e.left, 0)}, ${render(e.right, 0)}⟩`;
    case 'binary': {
      if (e.op === 'min' || e.op === 'max') return `${e.op}{${render(e.left, 0)}, ${render(e.right, 0)}}`;
      const p = PRECEDENCE[e.op];
      const symbol = { add: ' + ', sub: ' − ', mul: '·', div: '/' }[e.op];
      const right = render(e.right, e.op === 'sub' || e.op === 'div' ? p + 1 : p);
      return paren(`${render(e.left, p)}${symbol}${right}`, p < outer);
    }
    case 'fold': {
      const head = { sum: 'Σ', min: 'min', max: 'max' }[e.op];
      const range = `${displayIndex(e.index)}=${render(e.from, 0)}..${render(e.to, 0)}`;
      return paren(`${head}${sub(range)} ${render(e.body, 3)}`, outer > 1);
    }
    case 'rows':
      return `[${render(e.body, 0)}]${sub(`${displayIndex(e.index)}=${render(e.from, 0)}..${render(e.to, 0)}`)}`;
    case 'at': {
      const ix = e.indices.map((i) => render(i, 0)).join(',');
      return `${render(e.arg, 4)}${sub(ix)}`;
    }
    case 'call':
      return e.fn.print(e.args.map((a) => render(a, 0)));
    case 'grad':
      return e.label ?? `∇(${render(e.body, 0)})`;
  }
}

function paren(s: string, yes: boolean): string {
  return yes ? `(${s})` : s;
}
