import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { AuditReport } from '../checker/report.js';

/** The AuditReport exactly as the data model (src/checker/report.ts), two-space indented. */
export function formatJsonReport(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Writes the report atomically (a temporary file beside it, then a rename), so a
 * reader never sees half a report and a failed write never destroys the last one.
 */
export async function writeJsonReport(file: string, report: AuditReport): Promise<void> {
  const target = resolve(file);
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, formatJsonReport(report), 'utf8');
    await rename(temporary, target);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}
