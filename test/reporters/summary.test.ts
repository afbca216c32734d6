import { describe, expect, it } from 'vitest';
import type { AuditReport, StepReport } from '../../src/checker/report.js';
import { exitCode, isSurprise, listSurprises, summarize } from '../../src/reporters/summary.js';
import { auditReport, cleanAuditReport } from '../fixtures/reports/audit-report.js';

describe('summary', () => {
  it('counts verdicts, expected refutations, lemma errors and surprises', () => {
    expect(summarize(auditReport.lemmas)).toEqual(auditReport.summary);
    expect(summarize(cleanAuditReport.lemmas)).toEqual(cleanAuditReport.summary);
  });

  it('exits 0 only when every verdict matches its expectation', () => {
    expect(exitCode(cleanAuditReport)).toBe(0);
    expect(exitCode(auditReport)).toBe(1);
  });

  it('treats a verdict that differs from its expectation as a surprise even if the flag says otherwise', () => {
    const held = cleanAuditReport.lemmas[0].steps[0];
    const mislabelled: StepReport = { ...held, verdict: 'inconclusive', surprise: false };
    expect(isSurprise(mislabelled)).toBe(true);
    const report: AuditReport = { ...cleanAuditReport, lemmas: [{ ...cleanAuditReport.lemmas[0], steps: [mislabelled] }] };
    expect(exitCode({ ...report, summary: summarize(report.lemmas) })).toBe(1);
  });

  it('never exits 0 while the checker counts a surprise it did not attribute to a step', () => {
    const lemma = { ...cleanAuditReport.lemmas[0], surprises: 1 };
    const report: AuditReport = { ...cleanAuditReport, lemmas: [lemma], summary: summarize([lemma]) };
    expect(report.summary.surprises).toBe(1);
    expect(exitCode(report)).toBe(1);
    expect(listSurprises(report.lemmas)).toEqual([{ lemma: 'relu-gradient', description: '1 more surprise(s) counted by the checker' }]);
  });

  it('says what each surprise is', () => {
    expect(listSurprises(auditReport.lemmas).map((s) => `${s.lemma} ${s.step ?? '-'}: ${s.description}`)).toEqual([
      'risk-gradient risk-bound: refuted, expected held',
      'risk-gradient useful-fact: inconclusive, expected held',
      'risk-gradient log-risk: undefined, expected held',
      'risk-gradient closure-step: error, expected held',
      'risk-gradient min-bound: held, expected refuted',
      'margin-growth -: error: timed out after 120000 ms; the worker was stopped',
    ]);
  });
});
