import type { LemmaReport } from '../checker/report.js';
import { normaliseWhitespace, type NotesFile } from './notes-file.js';

/** A row of the notes that must be accounted for: a display ($$…$$) or a line of a lemma's statement. */
export interface CoverageRow {
  line: number;
  kind: 'display' | 'statement' | 'remark';
  text: string;
  /** What accounts for it: steps (with verdicts) or declarations; empty when nothing does. */
  by: { lemma: string; step?: string; verdict?: string; reason?: string; repeats?: number }[];
}

export interface CoverageReport {
  notesFile: string;
  rows: CoverageRow[];
  unaccounted: number;
}

const STATEMENT_HEAD = /^(Lemma|Proposition|Theorem) \d+\.\d+\./;
const STATEMENT_END = /^(- \*\*Proof|Proof sketch|- \*\*Remark|• \*\*Remark)/;
const REMARK_HEAD = /^(- |• )\*\*Remark/;
const BULLET = /^(- |• )/;

/**
 * The rows to account for: every display line, every line with inline math inside a lemma's
 * statement, and every bullet of a remark (its claims in words: "Risk decays as log t/t"), up to the
 * first line that is neither a bullet, a display nor blank.
 */
export function coverageRows(notes: NotesFile): Omit<CoverageRow, 'by'>[] {
  const rows: Omit<CoverageRow, 'by'>[] = [];
  let inStatement = false;
  let inRemark = false;
  for (let line = 1; line <= notes.lineCount; line++) {
    const text = notes.lineText(line).trim();
    if (STATEMENT_HEAD.test(text)) inStatement = true;
    else if (STATEMENT_END.test(text)) inStatement = false;
    const remarkHead = REMARK_HEAD.test(text);
    if (!remarkHead && text !== '' && !text.startsWith('$$') && !BULLET.test(text)) inRemark = false;
    if (text.startsWith('$$')) rows.push({ line, kind: 'display', text });
    else if (inStatement && text.includes('$')) rows.push({ line, kind: 'statement', text });
    else if (inRemark && BULLET.test(text)) rows.push({ line, kind: 'remark', text });
    if (remarkHead) inRemark = true;
  }
  return rows;
}

/** Marks each row with the steps found on it and the declarations naming it; a repeated display counts as its first showing. */
export function coverage(notes: NotesFile, lemmas: readonly LemmaReport[]): CoverageReport {
  const byLine = new Map<number, CoverageRow['by']>();
  const add = (line: number | undefined, entry: CoverageRow['by'][number]): void => {
    if (line === undefined) return;
    byLine.set(line, [...(byLine.get(line) ?? []), entry]);
  };
  for (const lemma of lemmas) {
    for (const step of lemma.steps) add(step.notesLine, { lemma: lemma.id, step: step.id, verdict: step.verdict });
    for (const a of lemma.accounts ?? []) add(a.line, { lemma: lemma.id, reason: a.reason });
  }
  const firstOf = new Map<string, number>();
  const rows: CoverageRow[] = coverageRows(notes).map((row) => {
    const key = normaliseWhitespace(row.text);
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, row.line);
    const by = byLine.get(row.line) ?? (first !== undefined && byLine.has(first) ? [{ lemma: byLine.get(first)![0].lemma, repeats: first }] : []);
    return { ...row, by };
  });
  return { notesFile: notes.path, rows, unaccounted: rows.filter((r) => r.by.length === 0).length };
}
