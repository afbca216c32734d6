import type { AuditReport, LemmaReport, StepReport } from '../checker/report.js';
import { writeFileAtomically } from './atomic-write.js';
import { isExpectedRefutation, isNotApplicable, isSurprise, lemmaSurpriseCount } from './summary.js';

/**
 * JUnit XML, as CI systems read it: one testsuite per lemma, one testcase per
 * step (classname = lemma id). A surprise is a failure, an expected refutation
 * (a mistake in the notes, confirmed) is skipped with its reason, and a lemma
 * that could not be checked at all is one testcase with an error.
 */

const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escape(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;');
}

const attributes = (attrs: Record<string, string | number>): string =>
  Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escape(String(v))}"`)
    .join('');

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function properties(pairs: [string, string | number | undefined][], indent: string): string[] {
  const present = pairs.filter((p): p is [string, string | number] => p[1] !== undefined);
  if (present.length === 0) return [];
  return [`${indent}<properties>`, ...present.map(([name, value]) => `${indent}  <property${attributes({ name, value })}/>`), `${indent}</properties>`];
}

function surpriseText(step: StepReport): string {
  if (step.expected === 'refuted' && step.verdict !== 'refuted') return `${step.verdict}, expected refuted`;
  return `${step.verdict}, expected ${step.expected}`;
}

function stepDetail(step: StepReport): string {
  const lines = [`${step.lhs} ${step.relation} ${step.rhs}`, `notes: ${step.notes}`];
  if (step.message) lines.push(step.message);
  const cx = step.counterexample;
  if (cx) {
    lines.push(`counterexample: ${JSON.stringify(cx.instance)}`, `lhs ∈ [${cx.lhs.join(', ')}]`, `rhs ∈ [${cx.rhs.join(', ')}]`);
    if (cx.replay.command) lines.push(`replay: ${cx.replay.command}`);
  }
  return lines.join('\n');
}

function testcase(lemma: LemmaReport, step: StepReport): string[] {
  const out = [`    <testcase${attributes({ classname: lemma.id, name: step.id, time: '0' })}>`];
  out.push(
    ...properties(
      [
        ['verdict', step.verdict],
        ['expected', step.expected],
        ['seed', lemma.seed],
        ['instances', step.instances],
        ['precision', step.precision],
        ['replay', step.counterexample?.replay.command || undefined],
      ],
      '      ',
    ),
  );
  if (isSurprise(step)) {
    out.push(`      <failure${attributes({ message: surpriseText(step), type: step.verdict })}>${escape(stepDetail(step))}</failure>`);
  } else if (isExpectedRefutation(step)) {
    out.push(`      <skipped${attributes({ message: `expected refutation confirmed: ${step.expectedReason ?? ''}` })}/>`);
  } else if (isNotApplicable(step)) {
    out.push(`      <skipped${attributes({ message: `not applicable on this data set: ${step.notApplicable}` })}/>`);
  }
  out.push('    </testcase>');
  return out;
}

function testsuite(lemma: LemmaReport): string[] {
  const failures = lemma.steps.filter(isSurprise).length;
  const skipped = lemma.steps.filter((s) => !isSurprise(s) && (isExpectedRefutation(s) || isNotApplicable(s))).length;
  const errors = lemma.error !== undefined ? 1 : 0;
  const tests = lemma.steps.length + errors;
  const out = [`  <testsuite${attributes({ name: lemma.id, tests, failures, errors, skipped, time: seconds(lemma.timing.ms), ...(lemma.file ? { file: lemma.file } : {}) })}>`];
  out.push(...properties([['title', lemma.title], ['seed', lemma.seed], ['runs', lemma.runs], ['surprises', lemmaSurpriseCount(lemma)]], '    '));
  if (lemma.error !== undefined) {
    out.push(`    <testcase${attributes({ classname: lemma.id, name: '(lemma)', time: seconds(lemma.timing.ms) })}>`);
    out.push(`      <error${attributes({ message: lemma.error.split('\n')[0], type: 'lemma-error' })}>${escape(lemma.error)}</error>`);
    out.push('    </testcase>');
  }
  for (const step of lemma.steps) out.push(...testcase(lemma, step));
  out.push('  </testsuite>');
  return out;
}

export function formatJunitReport(report: AuditReport): string {
  const tests = report.lemmas.reduce((n, l) => n + l.steps.length + (l.error !== undefined ? 1 : 0), 0);
  const failures = report.lemmas.reduce((n, l) => n + l.steps.filter(isSurprise).length, 0);
  const errors = report.lemmas.filter((l) => l.error !== undefined).length;
  const skipped = report.lemmas.reduce((n, l) => n + l.steps.filter((s) => !isSurprise(s) && (isExpectedRefutation(s) || isNotApplicable(s))).length, 0);
  const head = `<testsuites${attributes({ name: report.tool.name, tests, failures, errors, skipped, time: seconds(report.timing.ms) })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...report.lemmas.flatMap(testsuite), '</testsuites>', ''].join('\n');
}

export async function writeJunitReport(file: string, report: AuditReport): Promise<void> {
  await writeFileAtomically(file, formatJunitReport(report));
}
