import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatConsoleReport, formatLemma, type ConsoleStyle } from '../../src/reporters/console.js';
import { displayWidth } from '../../src/reporters/text-layout.js';
import { auditReport, cleanAuditReport } from '../fixtures/reports/audit-report.js';

const plain: ConsoleStyle = { level: 0, width: 100 };
const lines = (text: string): string[] => text.split('\n');

describe('console reporter', () => {
  it('prints the whole audit as plain text', async () => {
    await expect(formatConsoleReport(auditReport, plain)).toMatchFileSnapshot('./__snapshots__/console-plain.txt');
  });

  it('prints the same text on a narrow terminal, cut to its width', async () => {
    await expect(formatConsoleReport(auditReport, { level: 0, width: 72 })).toMatchFileSnapshot('./__snapshots__/console-narrow.txt');
  });

  it('uses colour only as an aid: forcing it changes no character of the text', async () => {
    const text = formatConsoleReport(auditReport, plain);
    for (const level of [1, 3] as const) {
      const coloured = formatConsoleReport(auditReport, { level, width: 100 });
      expect(coloured).not.toBe(text);
      expect(stripVTControlCharacters(coloured)).toBe(text);
    }
    await expect(formatConsoleReport(auditReport, { level: 1, width: 100 })).toMatchFileSnapshot('./__snapshots__/console-color.ansi');
  });

  it('keeps every line within the width, except replay commands, which stay copyable', () => {
    for (const width of [72, 100, 120]) {
      const long = lines(formatConsoleReport(auditReport, { level: 0, width })).filter((l) => displayWidth(l) > width);
      expect(long.every((l) => l.includes('npm run verify -- --lemma')), long.join('\n')).toBe(true);
    }
  });

  it('shows every verdict with its symbol, and tells an expected refutation from a surprising one', () => {
    const text = formatConsoleReport(auditReport, plain);
    const stepLine = (label: string): string => lines(text).find((l) => new RegExp(`^.{2}\\S.{19} +${label.replace('.', '\\.')} `).test(l))!;
    expect(stepLine('gradient-rows')).toMatch(/^ {2}✓ held/);
    expect(stepLine('link 3')).toMatch(/^ {2}✗ refuted \(expected\)/);
    expect(stepLine('risk-bound')).toMatch(/^» ✗ refuted +risk-bound/);
    expect(stepLine('useful-fact')).toMatch(/^» \? inconclusive/);
    expect(stepLine('log-risk')).toMatch(/^» ∅ undefined/);
    expect(stepLine('closure-step')).toMatch(/^» ! error/);
    expect(stepLine('min-bound')).toMatch(/^» ✓ held/);
  });

  it('puts chain links under their chain, errata under the line they correct, details under their step', () => {
    const text = lines(formatLemma(auditReport.lemmas[0], plain));
    const at = (pattern: RegExp): number => text.findIndex((l) => pattern.test(l));
    const order = [/ norm-chain +‖/, /  link 1 /, /  link 2 /, /  link 3 /, /counterexample +\{"m":1/, /replay +npm run verify .*--step norm-chain\.3$/, /    erratum +≤ 1/, / gradient-bound /];
    const positions = order.map(at);
    expect(positions.every((p) => p >= 0), String(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text.some((l) => l.includes('holds with equality; could be written ='))).toBe(true);
    expect(text.some((l) => /min slack 3\.21e−4 · max ratio 0\.872$/.test(l))).toBe(true);
  });

  it("elides a user's large data set in a counterexample, keeping its first entries and the count", () => {
    const lemma = structuredClone(auditReport.lemmas[0]);
    const step = lemma.steps.find((s) => s.counterexample)!;
    const X = Array.from({ length: 10_000 }, (_, k) => Array.from({ length: 10 }, (_, j) => (k + j) / 8));
    step.counterexample!.instance = { X, y: X.map(() => 1), c: 0.5 };
    const text = lines(formatLemma(lemma, plain));
    const at = text.findIndex((l) => l.includes('counterexample'));
    // Wrapped onto continuation lines; rows of 10 coordinates print whole.
    const printed = text.slice(at, at + 8).join('').replace(/\s+/g, '');
    expect(printed).toContain(`{"X":[${JSON.stringify(X.slice(0, 3)).slice(1, -1)},…9,997more]`);
    expect(printed).toContain('"y":[1,1,1,…9,997more],"c":0.5}');
    expect(text.length).toBeLessThan(200);
  });

  it('ends with a one-line verdict of the audit', () => {
    expect(lines(formatConsoleReport(cleanAuditReport, plain)).at(-2)).toBe('✓ All 6 verdicts match expectations (1 expected refutation confirmed)');
    const failing = lines(formatConsoleReport(auditReport, plain));
    expect(failing.at(-2)).toBe('✗ 6 surprises (listed above)');
    expect(failing).toContain('» risk-gradient min-bound: held, expected refuted');
    expect(failing).toContain('» margin-growth: error: timed out after 120000 ms; the worker was stopped');
  });
});
