import katex from 'katex';
import { escapeHtml, raw, type Raw } from './escape.js';

/**
 * The notes' LaTeX typeset by KaTeX on the server, so the page needs no
 * script to show a formula. Three shapes occur in the notes: a formula; one
 * line of an aligned block (it starts with '&'), set in an aligned
 * environment as on the slide; prose with inline $…$ math.
 * A formula KaTeX cannot parse is shown as its source, marked, never dropped.
 */
export interface RenderedLatex {
  html: Raw;
  /** KaTeX's message when it could not typeset the source. */
  error?: string;
}

const cache = new Map<string, RenderedLatex>();

const OPTIONS = { throwOnError: true, strict: 'ignore', output: 'htmlAndMathml' } as const;

function typeset(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { ...OPTIONS, displayMode });
}

/** Splits prose at unescaped $ signs: odd pieces are math. */
function proseWithMath(text: string): string {
  const pieces = text.split(/(?<!\\)\$/);
  return pieces.map((piece, k) => (k % 2 === 1 ? typeset(piece, false) : escapeHtml(piece))).join('');
}

const hasAlignment = (tex: string): boolean => /(^|[^\\])&/.test(tex) && !/\\begin\{/.test(tex);

export function renderLatex(tex: string): RenderedLatex {
  const known = cache.get(tex);
  if (known) return known;
  let result: RenderedLatex;
  try {
    if (/(?<!\\)\$/.test(tex)) result = { html: raw(`<span class="prose">${proseWithMath(tex)}</span>`) };
    else if (hasAlignment(tex)) result = { html: raw(typeset(`\\begin{aligned}${tex}\\end{aligned}`, true)) };
    else result = { html: raw(typeset(tex, true)) };
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    result = { html: raw(`<code class="latex-failed" title="${escapeHtml(message)}">${escapeHtml(tex)}</code>`), error: message };
  }
  cache.set(tex, result);
  return result;
}
