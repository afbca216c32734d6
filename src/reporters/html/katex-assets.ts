import { cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the page finds KaTeX's stylesheet, relative to itself; its fonts are in fonts/ beside it. */
export const KATEX_DIR = 'katex';
export const KATEX_STYLESHEET = `${KATEX_DIR}/katex.min.css`;

/**
 * Copies KaTeX's stylesheet and fonts from the installed package next to the
 * page, so the report renders from file:// with no network, and the CSS
 * always matches the KaTeX version that produced the markup.
 */
export async function copyKatexAssets(dir: string): Promise<void> {
  const dist = dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));
  await cp(join(dist, 'katex.min.css'), join(dir, KATEX_STYLESHEET));
  await cp(join(dist, 'fonts'), join(dir, KATEX_DIR, 'fonts'), { recursive: true });
}
