/**
 * Where a hand-built expression differs in form from the notes' line: the two
 * texts as symbol tokens, aligned by their longest common subsequence, and the
 * checked expression printed with the tokens the notes do not have in ⟦…⟧.
 * It compares forms, not values: "x·y" against "y·x" is marked.
 */
const TOKEN = /\p{L}\p{M}*|\d+(?:\.\d+)?|[^\s\p{M}]\p{M}*/gu;

/** Tokens that carry no form: grouping and spacing. */
const NEUTRAL = new Set(['(', ')', '{', '}', '[', ']', ',', ' ']);

function tokens(text: string): string[] {
  return (text.match(TOKEN) ?? []).filter((t) => !NEUTRAL.has(t));
}

/** The checked text with runs of tokens absent from the notes marked; null when every token is matched. */
export function markFormDifferences(notesText: string, checkedText: string): string | null {
  const a = tokens(notesText);
  const spans = [...checkedText.matchAll(TOKEN)].filter((m) => !NEUTRAL.has(m[0]));
  const b = spans.map((m) => m[0]);
  // LCS table over tokens (lines are short: a few dozen tokens).
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const matched = new Array<boolean>(b.length).fill(false);
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      matched[j] = true;
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  if (matched.every(Boolean)) return null;
  let out = '';
  let cursor = 0;
  let open = false;
  spans.forEach((m, j) => {
    const start = m.index!;
    const end = start + m[0].length;
    if (!matched[j] && !open) {
      out += checkedText.slice(cursor, start) + '⟦';
      cursor = start;
      open = true;
    } else if (matched[j] && open) {
      const gapEnd = checkedText.slice(cursor, start).trimEnd().length + cursor;
      out += checkedText.slice(cursor, gapEnd) + '⟧';
      cursor = gapEnd;
      open = false;
    }
    out += checkedText.slice(cursor, end);
    cursor = end;
  });
  out += (open ? '⟧' : '') + checkedText.slice(cursor);
  return out;
}
