import type { AuditReport } from '../checker/report.js';
import { writeFileAtomically } from './atomic-write.js';

/** The AuditReport exactly as the data model (src/checker/report.ts), two-space indented. */
export function formatJsonReport(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Writes the report atomically: a reader never sees half a report. */
export async function writeJsonReport(file: string, report: AuditReport): Promise<void> {
  await writeFileAtomically(file, formatJsonReport(report));
}
