import type { LemmaReport, StepReport } from '../../checker/report.js';
import { stepDetail, wholeDomainLines } from '../console.js';
import { formatNumber } from '../number-format.js';
import { isExpectedRefutation, isSurprise } from '../summary.js';
import { stepAnchor } from './anchors.js';
import { counterexampleBlock, regionsBlock } from './counterexample.js';
import { html, type Raw } from './escape.js';
import { renderLatex } from './latex.js';
import { stepFigures } from './step-figures.js';
import { verdictText } from './verdict-style.js';

const runText = (at: { run: number; index?: Record<string, number> } | undefined): string =>
  at ? ` (run ${at.run}${at.index ? `, ${Object.entries(at.index).map(([k, v]) => `${k} = ${v}`).join(', ')}` : ''})` : '';

/** Tightness, precision and counts, in one muted block. */
function factsLine(step: StepReport): Raw {
  const items: string[] = [`${step.instances} instance${step.instances === 1 ? '' : 's'}`, `${step.evaluations} evaluation${step.evaluations === 1 ? '' : 's'}`, `precision ${step.precision}`];
  const counts = Object.entries(step.counts).filter(([, n]) => n > 0);
  if (counts.length > 1) items.push(counts.map(([v, n]) => `${v} ${n}`).join(', '));
  if (step.withinTolerance) items.push(`${step.withinTolerance} held within tolerance`);
  const t = step.tightness;
  if (t) {
    if (t.minSlack !== null) items.push(`min slack ${formatNumber(t.minSlack, 'down')}${runText(t.at.minSlack)}`);
    if (t.maxRatio !== null) items.push(`max ratio ${formatNumber(t.maxRatio)}${runText(t.at.maxRatio)}`);
    if (t.equality) items.push('held with equality at every evaluation');
  }
  if (step.inconclusiveWidth !== undefined) items.push(`overlap width ${formatNumber(step.inconclusiveWidth)}`);
  if (step.usesClosure) items.push('a side is a hand-written closure');
  if (step.floatLiterals?.length) items.push(`float literals ${step.floatLiterals.join(', ')} (JS doubles, not exact text)`);
  return html`<p class="facts">${items.join(' · ')}</p>`;
}

/** The prover's verdict over the whole stated domain, in the console's words. */
function wholeDomainBlock(step: StepReport): Raw | null {
  const w = step.wholeDomain;
  if (!w) return null;
  const lines = wholeDomainLines(w, (text) => text);
  return html`<dl class="whole-domain whole-${w.verdict}">${lines.map((l) => html`<dt>${l.key}</dt><dd>${l.value}</dd>`)}</dl>`;
}

/** A step whose line an edited copy of the notes changed: the original line typeset, and its verdict in the same run. */
function editBlock(step: StepReport): Raw | null {
  const edit = step.edit;
  if (!edit) return null;
  const v = edit.vendored;
  if (edit.kind === 'deleted') return html`<p class="edit">deleted in the copy: checked on line ${v.line} of the notes</p>`;
  if (edit.kind === 'follows') return html`<p class="edit">follows an edited link: its left side is that link's new right side</p>`;
  const was = renderLatex(v.notes);
  return html`<div class="edit"><p><strong>${edit.outcome ?? 'changed'}</strong> · edited in the copy (notes L${v.line} → copy L${edit.copy?.line ?? '?'}); the original line, checked in the same run: ${v.verdict ?? 'not run'}${v.expected === 'refuted' ? ' (expected refuted)' : ''}</p>
<div class="formula was${was.error ? ' failed' : ''}">${was.html}</div></div>`;
}

/** One step of the proof: its formula typeset, its verdict, and what backs the verdict. */
export function stepCard(lemma: LemmaReport, step: StepReport, label: string): Raw {
  const anchor = stepAnchor(lemma.id, step.id);
  const expected = isExpectedRefutation(step);
  const surprise = isSurprise(step);
  const formula = renderLatex(step.notes);
  const classes = ['step', `v-${step.verdict}`, step.form, expected ? 'expected' : '', surprise ? 'surprise' : ''].filter(Boolean).join(' ');
  const detail = stepDetail(step);
  return html`<article class="${classes}" id="${anchor}" data-step-id="${step.id}" data-verdict="${step.verdict}" data-surprise="${String(surprise)}">
<header class="step-head">
<span class="badge v-${step.verdict}${expected ? ' expected' : ''}">${verdictText(step.verdict, expected)}</span>
<a class="step-id" href="#${anchor}" title="link to this step">${label}</a>
${step.form === 'erratum' ? html`<span class="form-tag">erratum: the corrected form</span>` : null}
${surprise ? html`<span class="surprise-tag">surprise: expected ${step.expected}</span>` : null}
</header>
<div class="formula${formula.error ? ' failed' : ''}">${formula.html}</div>
${editBlock(step)}
${detail ? html`<p class="detail">${detail}</p>` : null}
<p class="why"><span class="muted">why:</span> ${step.justification}</p>
${step.expected === 'refuted' && step.expectedReason ? html`<p class="expected-reason"><span class="muted">expected refuted:</span> ${step.expectedReason}</p>` : null}
${step.message && step.verdict !== 'held' ? html`<p class="message">${step.message}</p>` : null}
${factsLine(step)}
${wholeDomainBlock(step)}
<details class="transcription"><summary>as computed</summary><code>${step.lhs}</code> <strong>${step.relation}</strong> <code>${step.rhs}</code></details>
${stepFigures(step, anchor)}
${regionsBlock(step.regions)}
${step.counterexample ? counterexampleBlock(step.counterexample, step.relation) : null}
</article>`;
}
