/**
 * Aligns an edited copy of the notes with the notes the proofs transcribe:
 * which line of the copy each line became (the same up to whitespace, changed,
 * or deleted), and, inside a changed line, where a transcribed fragment went.
 *
 * Lines are matched by a longest common subsequence of their
 * whitespace-normalised texts; the lines left between two matches are paired
 * in order by similarity (an edited line still shares most of its tokens with
 * the original). Inside a line the same is done on LaTeX tokens, so that
 * `\leq` → `\geq` is one replaced token, not three changed letters. Exact and
 * deterministic: no time budget, no heuristic cut-off.
 */
import { normaliseWhitespace, type NotesFile } from './notes-file.js';

/** What became of a line of the original in the copy. */
export type LineFate = { kind: 'same'; line: number } | { kind: 'changed'; line: number } | { kind: 'deleted' };

export interface NotesAlignment {
  /** For each line of the original (1-based): its fate in the copy. */
  fateOf(line: number): LineFate;
  /** Non-blank lines of the original with no line in the copy. */
  deleted: number[];
  /** Pairs of (original, copy) lines whose texts differ beyond whitespace. */
  changed: { from: number; to: number }[];
  /** Non-blank lines of the copy that pair with no line of the original. */
  added: number[];
}

/** Below this share of common tokens, two lines are not one line edited but one deleted and one added. */
const SIMILAR = 0.5;

/** Indices (i, j) of a longest common subsequence of a and b, in order. */
function commonSubsequence<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): [number, number][] {
  // Common ends first: edits are few, so the quadratic table covers only the middle.
  let lo = 0;
  while (lo < a.length && lo < b.length && same(a[lo], b[lo])) lo++;
  let hiA = a.length;
  let hiB = b.length;
  while (hiA > lo && hiB > lo && same(a[hiA - 1], b[hiB - 1])) hiA--, hiB--;
  const n = hiA - lo;
  const m = hiB - lo;
  // Suffix lengths: table[i][j] = LCS of a[lo+i..hiA) and b[lo+j..hiB).
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[at(i, j)] = same(a[lo + i], b[lo + j]) ? table[at(i + 1, j + 1)] + 1 : Math.max(table[at(i + 1, j)], table[at(i, j + 1)]);
  const pairs: [number, number][] = [];
  for (let k = 0; k < lo; k++) pairs.push([k, k]);
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (same(a[lo + i], b[lo + j])) pairs.push([lo + i++, lo + j++]);
    else if (table[at(i + 1, j)] >= table[at(i, j + 1)]) i++;
    else j++;
  }
  for (let k = 0; k < a.length - hiA; k++) pairs.push([hiA + k, hiB + k]);
  return pairs;
}

/** LaTeX tokens of a line with their offsets: a command, an escaped character, a run of whitespace, or one character. */
export function latexTokens(text: string): { text: string; at: number; end: number }[] {
  const out: { text: string; at: number; end: number }[] = [];
  for (const m of text.matchAll(/\\[A-Za-z]+|\\[\s\S]|\s+|[\s\S]/gu)) out.push({ text: /^\s/.test(m[0]) ? ' ' : m[0], at: m.index, end: m.index + m[0].length });
  return out;
}

/** The share of tokens two lines have in common (0 to 1). */
export function similarity(a: string, b: string): number {
  const ta = latexTokens(a.trim()).map((t) => t.text);
  const tb = latexTokens(b.trim()).map((t) => t.text);
  if (ta.length + tb.length === 0) return 1;
  return (2 * commonSubsequence(ta, tb, (x, y) => x === y).length) / (ta.length + tb.length);
}

/** Pairs the lines between two matches in order, maximising the total similarity of the pairs kept. */
function pairGap(old: readonly number[], copy: readonly number[], oldText: (k: number) => string, copyText: (k: number) => string): [number, number][] {
  const n = old.length;
  const m = copy.length;
  if (n === 0 || m === 0) return [];
  const score = old.map((i) => copy.map((j) => {
    const s = similarity(oldText(i), copyText(j));
    return s >= SIMILAR ? s : 0;
  }));
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      best[i][j] = Math.max(best[i + 1][j], best[i][j + 1], score[i][j] > 0 ? score[i][j] + best[i + 1][j + 1] : 0);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (score[i][j] > 0 && best[i][j] === score[i][j] + best[i + 1][j + 1]) pairs.push([old[i++], copy[j++]]);
    else if (best[i + 1][j] >= best[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

export function alignNotes(original: NotesFile, copy: NotesFile): NotesAlignment {
  const a = Array.from({ length: original.lineCount }, (_, k) => normaliseWhitespace(original.lineText(k + 1)));
  const b = Array.from({ length: copy.lineCount }, (_, k) => normaliseWhitespace(copy.lineText(k + 1)));
  const matches = commonSubsequence(a, b, (x, y) => x === y);
  const fates: LineFate[] = a.map(() => ({ kind: 'deleted' }));
  const pairedCopy = new Set<number>();
  const changed: NotesAlignment['changed'] = [];
  let i0 = 0;
  let j0 = 0;
  for (const [i, j] of [...matches, [a.length, b.length] as [number, number]]) {
    const old = Array.from({ length: i - i0 }, (_, k) => i0 + k).filter((k) => a[k] !== '');
    const mine = Array.from({ length: j - j0 }, (_, k) => j0 + k).filter((k) => b[k] !== '');
    for (const [p, q] of pairGap(old, mine, (k) => a[k], (k) => b[k])) {
      fates[p] = { kind: 'changed', line: q + 1 };
      pairedCopy.add(q);
      changed.push({ from: p + 1, to: q + 1 });
    }
    if (i < a.length) {
      fates[i] = { kind: 'same', line: j + 1 };
      pairedCopy.add(j);
    }
    i0 = i + 1;
    j0 = j + 1;
  }
  return {
    fateOf: (line) => fates[line - 1] ?? { kind: 'deleted' },
    deleted: fates.flatMap((f, k) => (f.kind === 'deleted' && a[k] !== '' ? [k + 1] : [])),
    changed,
    added: b.flatMap((text, k) => (text !== '' && !pairedCopy.has(k) ? [k + 1] : [])),
  };
}

/**
 * Where the fragment [from, to) of a line went in its edited version: its ends
 * follow the nearest unchanged tokens outside it, so an edit touching an end
 * (`>` → `\geq` at a fragment's start) stays inside the fragment. Offsets are
 * within the lines; the result is trimmed of whitespace.
 */
export function followFragment(oldLine: string, newLine: string, from: number, to: number): [number, number] {
  const ta = latexTokens(oldLine);
  const tb = latexTokens(newLine);
  const kept = commonSubsequence(ta, tb, (x, y) => x.text === y.text);
  let start = 0;
  let end = newLine.length;
  for (const [i, j] of kept) {
    if (ta[i].end <= from) start = tb[j].end;
    if (ta[i].at >= to) {
      end = tb[j].at;
      break;
    }
  }
  while (start < end && /\s/.test(newLine[start])) start++;
  while (end > start && /\s/.test(newLine[end - 1])) end--;
  return [start, end];
}
