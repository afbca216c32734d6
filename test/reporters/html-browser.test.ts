/**
 * The HTML report in a real browser (Debian's chromium through playwright-core):
 * written by `npm run verify -- --html DIR` for Lemma 10.1, opened from file://
 * with the network switched off. Chromium is required in CI (CI=true); elsewhere
 * the test is skipped, saying why, when /usr/bin/chromium is missing.
 *
 * UPDATE_SCREENSHOT=1 also writes the README's screenshot.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport, SeriesPoint, Verdict } from '../../src/checker/report.js';
import { stepAnchor } from '../../src/reporters/html/anchors.js';
import { ROOT, verify } from '../fixtures/run-verify.js';

const CHROMIUM = '/usr/bin/chromium';
const README_SCREENSHOT = join(ROOT, 'test/fixtures/screenshots/html-report.png');
const inCI = process.env.CI === 'true' || process.env.CI === '1';
const haveChromium = existsSync(CHROMIUM);

/** Runs of equal verdicts along a series, computed here from the JSON, independently of the page's code. */
function runsOf(points: readonly SeriesPoint[]): Verdict[] {
  const runs: Verdict[] = [];
  for (const p of points) if (runs[runs.length - 1] !== p.verdict) runs.push(p.verdict);
  return runs;
}

if (!haveChromium && !inCI) {
  describe('HTML report in a browser', () => {
    it.skip(`skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`, () => {});
  });
} else {
  describe('HTML report in a browser', () => {
    let scratch: string;
    let report: AuditReport;
    let consoleSummary: string;
    let browser: Browser;
    let page: Page;
    const problems: string[] = [];

    beforeAll(async () => {
      expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: CI must install chromium (apt-get install -y chromium)`).toBe(true);
      scratch = await mkdtemp(join(tmpdir(), 'lemmacheck-html-'));
      // Few instances and one worker: the page, not the audit, is under test here, and other tests run beside it.
      const run = await verify('--lemma', 'lemma-10.1', '--runs', '12', '--jobs', '1', '--no-color', '--json', join(scratch, 'audit.json'), '--html', join(scratch, 'html'));
      expect(run.stderr).toBe('');
      consoleSummary = run.stdout;
      report = JSON.parse(await readFile(join(scratch, 'audit.json'), 'utf8')) as AuditReport;
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      const context = await browser.newContext({ offline: true, viewport: { width: 1400, height: 1000 } });
      page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
      page.on('request', (r) => {
        if (!r.url().startsWith('file://') && !r.url().startsWith('data:')) problems.push(`network request: ${r.url()}`);
      });
      await page.goto(pathToFileURL(join(scratch, 'html', 'index.html')).href);
      await page.evaluate(() => document.fonts.ready);
    });

    afterAll(async () => {
      await browser?.close();
      if (scratch) await rm(scratch, { recursive: true, force: true });
    });

    it('opens offline with no console errors, failed requests or network access', () => {
      expect(problems).toEqual([]);
    });

    it('typesets every formula with KaTeX, its fonts loaded from beside the page, and leaves no raw LaTeX', async () => {
      const formulas = await page.evaluate(() => {
        const all = [...document.querySelectorAll('.formula')];
        return {
          count: all.length,
          typeset: all.filter((f) => f.querySelector('.katex-html') || f.querySelector('.prose .katex')).length,
          failed: document.querySelectorAll('.latex-failed').length,
          // What a reader sees: the formula without KaTeX's hidden MathML copy (whose annotation keeps the source, for copy and paste).
          rawLatex: all
            .map((f) => {
              const shown = f.cloneNode(true) as Element;
              for (const hidden of shown.querySelectorAll('.katex-mathml')) hidden.remove();
              return shown.textContent ?? '';
            })
            .filter((text) => /\\[A-Za-z]+|\$/.test(text)),
          katexFontsLoaded: [...document.fonts].filter((face) => face.family.includes('KaTeX') && face.status === 'loaded').length,
        };
      });
      const steps = report.lemmas.flatMap((l) => l.steps).length;
      expect(formulas.count).toBeGreaterThanOrEqual(steps);
      expect(formulas.typeset).toBe(formulas.count);
      expect(formulas.failed).toBe(0);
      expect(formulas.rawLatex).toEqual([]);
      expect(formulas.katexFontsLoaded).toBeGreaterThan(0);
    });

    it('has the same verdict counts as the JSON report, and the console summary table', async () => {
      const counted = await page.evaluate(() => {
        const tally: Record<string, number> = {};
        for (const el of document.querySelectorAll('article[data-step-id]')) tally[el.getAttribute('data-verdict')!] = (tally[el.getAttribute('data-verdict')!] ?? 0) + 1;
        return tally;
      });
      const s = report.summary;
      const expected = Object.fromEntries(
        (['held', 'refuted', 'inconclusive', 'undefined', 'error'] as const).filter((v) => s[v] > 0).map((v) => [v, s[v]]),
      );
      expect(counted).toEqual(expected);
      const pageTotal = await page.locator('table.summary-table tfoot td').allTextContents();
      const consoleTotal = consoleSummary.split('\n').find((line) => line.trim().startsWith('total'))!.trim().split(/\s{2,}/);
      // The time column differs: the page is written after the console's table was computed from the same report.
      expect(pageTotal.slice(0, -1)).toEqual(consoleTotal.slice(0, -1));
      expect(await page.locator('.audit-verdict').textContent()).toBe(consoleSummary.trim().split('\n').pop());
    });

    it('gives every step a stable anchor', async () => {
      for (const lemma of report.lemmas) {
        for (const step of lemma.steps) expect(await page.locator(`article[id="${stepAnchor(lemma.id, step.id)}"]`).count(), step.id).toBe(1);
      }
    });

    it('draws each series of each step: both sides, one shaded stretch per run of verdicts, the counterexample marked', async () => {
      const plots = await page.evaluate(() =>
        [...document.querySelectorAll('.series')].map((el) => ({
          step: el.closest('article[data-step-id]')!.getAttribute('data-step-id')!,
          index: Number(el.getAttribute('data-series-index')),
          at: el.getAttribute('data-series-at'),
          sides: Object.fromEntries([...el.querySelectorAll('g[data-series]')].map((g) => [g.getAttribute('data-series'), { points: Number(g.getAttribute('data-points')), drawn: (g.querySelector('path')?.getAttribute('d') ?? '').length > 0 }])),
          shades: [...el.querySelectorAll('rect.shade')].map((r) => r.getAttribute('data-verdict')),
          marks: el.querySelectorAll('.mark').length,
        })),
      );
      let expectedPlots = 0;
      for (const step of report.lemmas[0].steps) {
        for (const [k, series] of (step.series ?? []).entries()) {
          expectedPlots++;
          const plot = plots.find((p) => p.step === step.id && p.index === k);
          expect(plot, `${step.id} series ${k}`).toBeDefined();
          expect(plot!.at).toBe(series.at);
          const withLhs = series.points.filter((p) => p.lhs).length;
          const withRhs = series.points.filter((p) => p.rhs).length;
          expect(plot!.sides).toEqual({ lhs: { points: withLhs, drawn: withLhs > 0 }, rhs: { points: withRhs, drawn: withRhs > 0 } });
          expect(plot!.shades).toEqual(runsOf(series.points));
          expect(plot!.marks).toBe(series.at === 'counterexample' ? 1 : 0);
        }
      }
      expect(plots).toHaveLength(expectedPlots);
      // Lemma 10.1's refuted risk bound: plotted at its counterexample, the simplest examples and a random instance, over t in [1e−6, 1e6].
      const riskBound = report.lemmas[0].steps.find((s) => s.id === 'risk-bound')!;
      expect(riskBound.series!.map((s) => s.at)).toEqual(['counterexample', 'example', 'example', 'first instance']);
      for (const series of riskBound.series!) expect([series.points[0].value, series.points[series.points.length - 1].value]).toEqual([1e-6, 1e6].map((v) => expect.closeTo(v, -Math.log10(v) + 6)));
      expect(plots.find((p) => p.step === 'risk-bound' && p.index === 0)!.shades).toEqual(['refuted', 'held']);
    });

    it('copies the replay command with its button, without errors', async () => {
      const button = page.locator('article[id="lemma-10.1--risk-bound"] button.copy').first();
      expect(await button.getAttribute('data-copy')).toBe(report.lemmas[0].steps.find((s) => s.id === 'risk-bound')!.counterexample!.replay.command);
      // The clipboard answers asynchronously and the label resets after 2 s: record the first label it takes after the click.
      await button.evaluate((el) => {
        const seen: string[] = [];
        (window as unknown as { copyLabels: string[] }).copyLabels = seen;
        new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
      });
      await button.click();
      await page.waitForFunction(() => (window as unknown as { copyLabels: string[] }).copyLabels.length > 0);
      const firstLabel = await page.evaluate(() => (window as unknown as { copyLabels: string[] }).copyLabels[0]);
      expect(['copied', 'select and copy']).toContain(firstLabel);
      expect(problems).toEqual([]);
    });

    it('saves a screenshot of a refuted step with its plot', async () => {
      const pair = page.locator('.pair:has(article[id="lemma-10.1--risk-bound"])');
      await pair.scrollIntoViewIfNeeded();
      const top = (await pair.boundingBox())!;
      const figure = (await page.locator('article[id="lemma-10.1--risk-bound"] .series').first().boundingBox())!;
      const scrollY = await page.evaluate(() => window.scrollY);
      const file = join(scratch, 'refuted-step.png');
      // Bounding boxes are relative to the viewport; a full-page clip is relative to the page.
      await page.screenshot({ path: file, fullPage: true, clip: { x: top.x - 8, y: top.y + scrollY - 8, width: top.width + 16, height: figure.y + figure.height - top.y + 16 } });
      expect((await readFile(file)).subarray(1, 4).toString()).toBe('PNG');
      if (process.env.UPDATE_SCREENSHOT === '1') await copyFile(file, README_SCREENSHOT);
    });
  });
}
