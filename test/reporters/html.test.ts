/**
 * The HTML report without a browser: structure, typesetting, escaping, the
 * plots' SVG and the assets that make the page work offline. The browser
 * test (html-browser.test.ts) opens a real report in chromium.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditReport, SeriesPoint, StepSeries, Verdict } from '../../src/checker/report.js';
import { stepAnchor } from '../../src/reporters/html/anchors.js';
import { renderLatex } from '../../src/reporters/html/latex.js';
import { renderHtmlReport } from '../../src/reporters/html/page.js';
import { plotSeries, verdictRuns } from '../../src/reporters/html/plot.js';
import { chooseScale } from '../../src/reporters/html/scale.js';
import { HTML_REPORT_FILE, writeHtmlReport } from '../../src/reporters/html/write.js';
import { auditReport, cleanAuditReport } from '../fixtures/reports/audit-report.js';

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true })));
});

const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;

function point(value: number, verdict: Verdict, lhs: [number, number] | undefined, rhs: [number, number] | undefined): SeriesPoint {
  return { value, verdict, ...(lhs ? { lhs: lhs.map(String) as [string, string] } : {}), ...(rhs ? { rhs: rhs.map(String) as [string, string] } : {}) };
}

const alongT: StepSeries = {
  parameter: 't',
  along: 'parameter',
  at: 'counterexample',
  label: 'n = 1',
  instance: { flow: { t: 1 } },
  points: [
    point(1e-6, 'refuted', [0.9, 0.9], [-1e7, -1e7]),
    point(1e-3, 'refuted', [0.8, 0.8], [-1e3, -1e3]),
    point(1, 'refuted', [0.5, 0.5], [0.4, 0.41]),
    point(2, 'undefined', undefined, undefined),
    point(10, 'held', [1e-2, 1e-2], [-Infinity, 1]),
    point(1e6, 'held', [1e-6, 1e-6], [1e-5, 1e-5]),
  ],
};

describe('HTML report', () => {
  const page = renderHtmlReport(auditReport);

  it('has one card per step, with a stable anchor and its verdict, and the summary counts of the JSON', () => {
    for (const lemma of auditReport.lemmas) {
      for (const step of lemma.steps) {
        expect(page).toContain(`id="${stepAnchor(lemma.id, step.id)}" data-step-id="${step.id}" data-verdict="${step.verdict}"`);
      }
    }
    const steps = auditReport.lemmas.flatMap((l) => l.steps);
    expect(count(page, /<article [^>]*data-step-id=/g)).toBe(steps.length);
    // The summary's errors also count lemmas that failed as a whole: those are shown as the lemma's error, not as a step.
    const lemmaErrors = auditReport.lemmas.filter((l) => l.error !== undefined).length;
    expect(count(page, /<pre class="lemma-error">/g)).toBe(lemmaErrors);
    for (const verdict of ['held', 'refuted', 'inconclusive', 'undefined', 'error'] as const) {
      expect(count(page, new RegExp(`<article [^>]*data-verdict="${verdict}"`, 'g'))).toBe(auditReport.summary[verdict] - (verdict === 'error' ? lemmaErrors : 0));
    }
    expect(stepAnchor('lemma-9.4', "telescope.t'")).toBe('lemma-9.4--telescope.t_');
  });

  it('states the audit verdict as the console does', () => {
    expect(page).toMatch(/class="audit-verdict bad"[^>]*>✗ \d+ surprises?</);
    expect(renderHtmlReport(cleanAuditReport)).toMatch(/class="audit-verdict ok"[^>]*>✓ /);
  });

  it('typesets the notes with KaTeX on the server: formulas, aligned lines and prose with inline math', () => {
    expect(page).not.toContain('latex-failed');
    expect(renderLatex(String.raw`\frac{1}{n}`).html.html).toContain('class="katex-display"');
    const aligned = renderLatex(String.raw`&\leq \hat{R}^{(i)}(Z) - \hat{R}(W_i)`);
    expect(aligned.error).toBeUndefined();
    expect(aligned.html.html).toContain('katex');
    const prose = renderLatex(String.raw`Use the fact that $1 \leq 2 - \eta$, and telescope`);
    expect(prose.error).toBeUndefined();
    expect(prose.html.html).toMatch(/^<span class="prose">Use the fact that <span class="katex">/);
    const broken = renderLatex(String.raw`\frac{1}{`);
    expect(broken.error).toBeDefined();
    expect(broken.html.html).toMatch(/^<code class="latex-failed" title="[^"]+">\\frac\{1\}\{<\/code>$/);
  });

  it('escapes what it prints: a step text cannot inject markup', () => {
    const hostile: AuditReport = structuredClone(cleanAuditReport);
    hostile.lemmas[0].steps[0].justification = '<script>alert(1)</script> & "quotes"';
    const text = renderHtmlReport(hostile);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(count(text, /<script>/g)).toBe(1);
  });

  it('shows a counterexample in full, with its replay command behind a copy button', () => {
    const lemma = auditReport.lemmas.find((l) => l.steps.some((s) => s.counterexample?.replay.command))!;
    const step = lemma.steps.find((s) => s.counterexample?.replay.command)!;
    const cx = step.counterexample!;
    const card = page.slice(page.indexOf(`id="${stepAnchor(lemma.id, step.id)}"`));
    const command = cx.replay.command.replace(/"/g, '&quot;');
    expect(card).toContain(`<code class="replay">${cx.replay.command}</code> <button type="button" class="copy" data-copy="${command}"`);
    expect(card).toContain('left side ∈');
    expect(card).toContain(cx.lhs[0].replace(/-/g, '−'));
  });
});

describe('plots', () => {
  const svg = plotSeries(alongT, { lhsName: '𝓛(w(t))', rhsName: 'bound', relation: '≤', mark: 1, size: 'large', id: 'p0' }).html;

  it('draws both sides, one shaded stretch per run of verdicts, and marks the counterexample', () => {
    expect(svg).toContain('data-series="lhs" data-points="5"');
    expect(svg).toContain('data-series="rhs" data-points="5"');
    expect([...svg.matchAll(/<rect class="shade [^"]*" data-verdict="(\w+)"/g)].map((m) => m[1])).toEqual(['refuted', 'undefined', 'held']);
    expect(verdictRuns(alongT.points).map((r) => [r.verdict, r.from, r.to])).toEqual([
      ['refuted', 1e-6, 1],
      ['undefined', 2, 2],
      ['held', 10, 1e6],
    ]);
    expect(svg).toContain('data-mark="1"');
    expect(svg).not.toContain('NaN');
    // The undefined point breaks the band into two pieces.
    const lhsPath = /data-series="lhs"[^>]*><path d="([^"]+)"/.exec(svg)![1];
    expect(count(lhsPath, /M/g)).toBe(2);
  });

  it('uses log axes where the range spans decades, symmetric log across 0, linear otherwise, integers for an index', () => {
    expect(svg).toContain('data-x-scale="log" data-y-scale="symlog"');
    expect(chooseScale([1e-6, 1, 1e6]).kind).toBe('log');
    expect(chooseScale([-1e7, 1e-5, 0.5]).kind).toBe('symlog');
    expect(chooseScale([0.2, 0.9]).kind).toBe('linear');
    expect(chooseScale([1, 20], { integer: true }).ticks.every((t) => Number.isInteger(t.value))).toBe(true);
    expect(chooseScale([1e-6, 1, 1e6]).ticks.map((t) => t.label)).toContain('10⁻⁶');
    // A narrow range keeps enough digits for its ticks to differ.
    const labels = chooseScale([0.9999999, 1.0000001]).ticks.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('writing the report', () => {
  it('writes index.html with KaTeX’s stylesheet and every font it references beside it, so it opens offline', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lemmacheck-html-'));
    scratch.push(dir);
    await writeHtmlReport(join(dir, 'out'), auditReport);
    const text = await readFile(join(dir, 'out', HTML_REPORT_FILE), 'utf8');
    expect(text).toContain('<link rel="stylesheet" href="katex/katex.min.css">');
    expect(text).not.toMatch(/(src|href)="(https?:)?\/\//);
    const css = await readFile(join(dir, 'out', 'katex', 'katex.min.css'), 'utf8');
    const fonts = [...new Set([...css.matchAll(/url\((fonts\/[^)]+)\)/g)].map((m) => m[1]))];
    expect(fonts.length).toBeGreaterThan(10);
    const shipped = new Set((await readdir(join(dir, 'out', 'katex', 'fonts'))).map((f) => `fonts/${f}`));
    expect(fonts.filter((f) => !shipped.has(f))).toEqual([]);
    expect(await readdir(join(dir, 'out'))).toEqual(['index.html', 'katex']);
  });
});
