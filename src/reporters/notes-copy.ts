import { Chalk } from 'chalk';
import type { NotesCopyReport, NotesCopyStep } from '../notes/copy-report.js';
import type { ConsoleStyle } from './console.js';
import { wrap } from './text-layout.js';

const MARK: Record<string, string> = { 'now holds': '✓', holds: '✓', 'still refuted': '✗', 'newly refuted': '»', undecided: '»' };

/** The copy against the notes, line by line: every changed line with its old and new LaTeX and its steps' verdicts before and after. */
export function formatNotesCopy(report: NotesCopyReport, style: ConsoleStyle): string {
  const c = new Chalk({ level: style.level });
  const width = Math.min(120, Math.max(60, style.width));
  const text = (key: string, value: string): string[] => wrap(value, width - 14).map((part, k) => `${k === 0 ? `    ${key.padEnd(9)} ` : ' '.repeat(14)}${part}`);
  const stepLine = (s: NotesCopyStep): string => {
    const surprise = s.outcome === 'newly refuted' || s.outcome === 'undecided';
    const line = `    ${MARK[s.outcome ?? ''] ?? '·'} ${s.lemma} ${s.step}: ${s.vendoredVerdict ?? 'not run'} → ${s.verdict}${s.outcome ? ` (${s.outcome})` : ''}`;
    return surprise ? c.red.bold(line) : s.outcome === 'still refuted' ? c.yellow(line) : c.green(line);
  };
  const counts = `${report.changed.length} changed · ${report.deleted.length} deleted · ${report.added.length} added line${report.added.length === 1 ? '' : 's'}`;
  const out = ['', c.bold(`Copy of the notes: ${report.copy} against ${report.vendored} · ${counts}`)];
  for (const change of report.changed) {
    out.push(`  L${change.vendoredLine} → L${change.copyLine}${change.steps.length ? '' : c.dim('  (no step of the lemmas run transcribes this line)')}`);
    out.push(...text('was', change.vendored), ...text('now', change.copy));
    out.push(...change.steps.map(stepLine));
  }
  for (const line of report.deleted) {
    const steps = line.steps.length ? `: ${line.steps.map((s) => `${s.lemma} ${s.step}`).join(', ')} checked on the notes' line` : '';
    out.push(c.yellow(`  L${line.vendoredLine} deleted${steps}`), ...text('was', line.text));
  }
  for (const line of report.added) out.push(c.dim(`  L${line.copyLine} of the copy matches no line of the notes; no step checks it`), ...text('now', line.text).map((l) => c.dim(l)));
  if (report.changed.length + report.deleted.length + report.added.length === 0) out.push(c.dim('  the copy reads as the notes (up to whitespace)'));
  return `${out.join('\n')}\n`;
}
