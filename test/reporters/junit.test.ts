import { parse, type TestCase, type TestSuites } from 'junit2json';
import { describe, expect, it } from 'vitest';
import { formatJunitReport } from '../../src/reporters/junit.js';
import { auditReport, cleanAuditReport } from '../fixtures/reports/audit-report.js';

/** The parsed XML, as a CI system's JUnit reader sees it. */
async function parsed(xml: string): Promise<TestSuites> {
  return (await parse(xml)) as TestSuites;
}

const casesOf = (suites: TestSuites): TestCase[] => (suites.testsuite ?? []).flatMap((s) => s.testcase ?? []);
type WithProperties = TestCase & { properties?: { name?: string; value?: string }[] };
const propertiesOf = (c: TestCase): Record<string, string> => Object.fromEntries(((c as WithProperties).properties ?? []).map((p) => [p.name, String(p.value)]));

describe('the JUnit XML report', () => {
  it('has one testcase per step, classname = lemma id, and totals that match the audit summary', async () => {
    const suites = await parsed(formatJunitReport(auditReport));
    const steps = auditReport.lemmas.flatMap((l) => l.steps.map((s) => `${l.id} ${s.id}`));
    const lemmaErrors = auditReport.lemmas.filter((l) => l.error !== undefined).map((l) => `${l.id} (lemma)`);
    expect(casesOf(suites).map((c) => `${c.classname} ${c.name}`).sort()).toEqual([...steps, ...lemmaErrors].sort());
    expect(suites.tests).toBe(steps.length + lemmaErrors.length);
    expect(suites.testsuite!.map((s) => s.name)).toEqual(auditReport.lemmas.map((l) => l.id));
    // Surprises are failures (steps) or errors (lemmas that could not run); 6 in all, as the summary says.
    expect((suites.failures ?? 0) + (suites.errors ?? 0)).toBe(auditReport.summary.surprises);
    expect(suites.errors).toBe(1);
  });

  it('marks a surprise as a failure, an expected refutation as skipped, and carries the seed and replay command', async () => {
    const suites = await parsed(formatJunitReport(auditReport));
    const cases = casesOf(suites);
    const failed = cases.filter((c) => c.failure?.length);
    const skipped = cases.filter((c) => c.skipped?.length);
    const surprising = auditReport.lemmas.flatMap((l) => l.steps.filter((s) => s.surprise).map((s) => s.id));
    expect(failed.map((c) => c.name).sort()).toEqual(surprising.sort());
    expect(skipped).toHaveLength(auditReport.summary.expectedRefuted);
    for (const c of cases.filter((c) => c.name !== '(lemma)')) expect(propertiesOf(c).seed).toBe(String(auditReport.seed));
    const refuted = auditReport.lemmas.flatMap((l) => l.steps).filter((s) => s.counterexample?.replay.command);
    expect(refuted.length).toBeGreaterThan(0);
    for (const step of refuted) expect(propertiesOf(cases.find((c) => c.name === step.id)!).replay).toBe(step.counterexample!.replay.command);
    const lemmaError = cases.find((c) => c.name === '(lemma)')!;
    expect(lemmaError.error?.[0].message).toBe('timed out after 120000 ms; the worker was stopped');
  });

  it('a clean audit has no failures or errors, and escapes what XML cannot hold', async () => {
    const tricky = { ...cleanAuditReport, lemmas: cleanAuditReport.lemmas.map((l) => ({ ...l, title: 'a < b & "c" \u0001' })) };
    const suites = await parsed(formatJunitReport(tricky));
    expect(suites.failures).toBe(0);
    expect(suites.errors).toBe(0);
    expect(suites.testsuite![0].properties!.find((p) => p.name === 'title')!.value).toBe('a < b & "c" \uFFFD');
  });

  it('a step not applicable to a data set is skipped with its reason; the mark cannot hide a step that was evaluated', async () => {
    const [lemma] = cleanAuditReport.lemmas;
    const step = { ...lemma.steps[0], verdict: 'inconclusive' as const, expected: 'held' as const, surprise: false, certified: false, instances: 0, evaluations: 0, notApplicable: 'stated for n ≥ 2, which your data set is not: a reason' };
    const withMark = (s: typeof step) => ({ ...cleanAuditReport, lemmas: [{ ...lemma, steps: [s, ...lemma.steps.slice(1)] }, ...cleanAuditReport.lemmas.slice(1)] });
    const suites = await parsed(formatJunitReport(withMark(step)));
    expect(suites.failures).toBe(0);
    const c = casesOf(suites).find((x) => x.name === step.id)!;
    expect(c.skipped?.[0].message).toBe('not applicable on this data set: stated for n ≥ 2, which your data set is not: a reason');
    const evaluated = await parsed(formatJunitReport(withMark({ ...step, evaluations: 3, instances: 1 })));
    expect(evaluated.failures).toBe(1);
  });
});
