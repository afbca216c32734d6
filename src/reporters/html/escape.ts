/** Text as HTML content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A tagged template for HTML: interpolated strings are escaped unless wrapped in `raw`. */
export interface Raw {
  readonly html: string;
}

export const raw = (html: string): Raw => ({ html });

type Part = string | number | Raw | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (typeof part === 'object') return (part as Raw).html;
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Raw {
  let out = strings[0];
  parts.forEach((part, k) => {
    out += render(part) + strings[k + 1];
  });
  return raw(out);
}
