/**
 * A light rendering of the notes' LaTeX as plain Unicode for the console,
 * so a line reads like the slide: \frac{1}{n} \sum_{k=1}^n \ell'(z) → (1/n) Σ_{k=1}^n ℓ'(z).
 * The JSON report keeps the LaTeX exactly as written.
 */
const SYMBOLS: Record<string, string> = {
  leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', approx: '≈', in: '∈', cdot: '·', times: '×', to: '→', rightarrow: '→',
  infty: '∞', nabla: '∇', sum: 'Σ', int: '∫', partial: '∂', ell: 'ℓ', sigma: 'σ', eta: 'η', gamma: 'γ', alpha: 'α',
  beta: 'β', lambda: 'λ', mu: 'μ', theta: 'θ', epsilon: 'ε', delta: 'δ', pi: 'π', langle: '⟨', rangle: '⟩', top: 'ᵀ',
  log: 'log', exp: 'exp', min: 'min', max: 'max', inf: 'inf', sup: 'sup', limsup: 'limsup', lim: 'lim', dots: '…',
  ldots: '…', cdots: '⋯', quad: '  ', qquad: '   ', mathcal: '', mathbb: '', operatorname: '', text: '', mathbf: '',
  argmax: 'argmax', forall: '∀', exists: '∃', mid: '|', lVert: '‖', rVert: '‖', Vert: '‖', '|': '‖', pm: '±',
};

const ACCENTS: Record<string, string> = { hat: '\u0302', bar: '\u0304', tilde: '\u0303', dot: '\u0307', vec: '\u20d7', overrightarrow: '\u20d7' };

/** Reads one brace group (or a single token) starting at i; returns its content and the index after it. */
function group(s: string, i: number): [string, number] {
  while (s[i] === ' ') i++;
  if (s[i] !== '{') {
    if (s[i] === '\\') {
      const m = /^\\([a-zA-Z]+|.)/.exec(s.slice(i));
      return [m ? m[0] : s[i], i + (m ? m[0].length : 1)];
    }
    return [s[i] ?? '', i + 1];
  }
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return [s.slice(i + 1, j), j + 1];
  }
  return [s.slice(i + 1), s.length];
}

const simple = (t: string): boolean => /^√?[\p{L}\p{N}'.ᵀ̂̄̃̇⃗²]+$/u.test(t);

const SUPER: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', n: 'ⁿ', i: 'ⁱ', L: 'ᴸ', T: 'ᵀ', 'ᵀ': 'ᵀ', '-': '⁻', '*': '*' };
const SUB: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', t: 'ₜ', m: 'ₘ', n: 'ₙ', s: 'ₛ' };

export function latexToText(latex: string): string {
  let out = '';
  let i = 0;
  const s = latex
    .replace(/\$/g, '')
    .replace(/\\begin\{bmatrix\}/g, '[')
    .replace(/\\end\{bmatrix\}/g, ']')
    .replace(/\\begin\{[a-z*]+\}(\{[^}]*\})?|\\end\{[a-z*]+\}/g, '').replace(/&/g, '').replace(/\\\\/g, ' ; ');
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      const m = /^\\([a-zA-Z]+|.)/.exec(s.slice(i))!;
      const name = m[1];
      i += m[0].length;
      if (name === 'frac' || name === 'tfrac' || name === 'dfrac') {
        const [a, j] = group(s, i);
        const [b, k] = group(s, j);
        const ta = latexToText(a);
        const tb = latexToText(b);
        out += `${simple(ta) ? ta : `(${ta})`}/${simple(tb) ? tb : `(${tb})`}`;
        i = k;
      } else if (name === 'sqrt') {
        const [a, j] = group(s, i);
        const ta = latexToText(a);
        out += simple(ta) ? `√${ta}` : `√(${ta})`;
        i = j;
      } else if (name in ACCENTS) {
        const [a, j] = group(s, i);
        out += latexToText(a) + ACCENTS[name];
        i = j;
      } else if (name === 'left' || name === 'right' || name === 'big' || name === 'Big' || name === 'bigg') {
        // sizing only
      } else if (name === ',' || name === ';' || name === '!' || name === ' ') {
        out += name === '!' ? '' : ' ';
      } else if (name === '{' || name === '}') {
        out += name;
      } else if (name in SYMBOLS) {
        out += SYMBOLS[name];
        if (/^[a-z]{2,}$/.test(SYMBOLS[name]) && /^[a-zA-Z]/.test(s[i] ?? '')) out += ' ';
      } else out += name;
    } else if (c === '{' || c === '}') {
      i++;
    } else if (c === '_' || c === '^') {
      const [a, j] = group(s, i + 1);
      const ta = latexToText(a);
      const table = c === '^' ? SUPER : SUB;
      if ([...ta].every((ch) => table[ch])) out += [...ta].map((ch) => table[ch]).join('');
      else out += `${c}${simple(ta) && ta.length === 1 ? ta : `{${ta}}`}`;
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}
