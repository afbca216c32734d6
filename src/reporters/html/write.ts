import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AuditReport } from '../../checker/report.js';
import { writeFileAtomically } from '../atomic-write.js';
import { copyKatexAssets } from './katex-assets.js';
import { renderHtmlReport } from './page.js';

export const HTML_REPORT_FILE = 'index.html';

/**
 * Writes the HTML report into DIR: index.html and, beside it, KaTeX's
 * stylesheet and fonts. The page is written last and atomically, so a reader
 * never sees half a page or a page whose assets are missing.
 */
export async function writeHtmlReport(dir: string, report: AuditReport): Promise<void> {
  const target = resolve(dir);
  await mkdir(target, { recursive: true });
  await copyKatexAssets(target);
  const page = join(target, HTML_REPORT_FILE);
  await writeFileAtomically(page, renderHtmlReport(report));
}
