import { Chalk } from 'chalk';
import type { CoverageReport } from '../notes/coverage.js';
import type { ConsoleStyle } from './console.js';
import { latexToText } from './latex-text.js';
import { truncate } from './text-layout.js';

/** The notes row by row: what accounts for each (steps with verdicts, declarations), and the rows nothing does. */
export function formatCoverage(report: CoverageReport, style: ConsoleStyle): string {
  const c = new Chalk({ level: style.level });
  const width = Math.min(120, Math.max(60, style.width));
  const out = ['', c.bold(`Coverage of ${report.notesFile} · ${report.rows.length} rows · ${report.unaccounted} unaccounted`)];
  for (const row of report.rows) {
    const head = `  ${row.by.length ? c.green('✓') : c.red.bold('✗')} L${String(row.line).padEnd(4)}`;
    out.push(truncate(`${head}${latexToText(row.text.replace(/\$\$/g, ''))}`, width + 10));
    if (row.by.length === 0) {
      out.push(`           ${c.red('unaccounted: no step and no declaration')}`);
      continue;
    }
    const steps = row.by.filter((b) => b.step);
    if (steps.length) {
      const byLemma = new Map<string, string[]>();
      for (const s of steps) byLemma.set(s.lemma, [...(byLemma.get(s.lemma) ?? []), `${s.step} ${s.verdict}`]);
      for (const [lemma, list] of byLemma) out.push(c.dim(truncate(`           ${lemma}: ${list.join(', ')}`, width)));
    }
    for (const d of row.by.filter((b) => b.reason)) out.push(c.dim(truncate(`           ${d.lemma} declares: ${d.reason}`, width)));
    for (const r of row.by.filter((b) => b.repeats)) out.push(c.dim(`           repeats line ${r.repeats}`));
  }
  const missing = report.rows.filter((r) => r.by.length === 0).map((r) => `L${r.line}`);
  out.push(missing.length ? c.red.bold(`  ${missing.length} unaccounted row${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}`) : c.green.bold('  every row of the notes is accounted for'));
  return `${out.join('\n')}\n`;
}
