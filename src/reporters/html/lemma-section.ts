import type { ChainReport, LemmaReport, RelaxationReport, StepReport } from '../../checker/report.js';
import { formatDuration } from '../console.js';
import { formatNumber } from '../number-format.js';
import { isExpectedRefutation, lemmaSurpriseCount } from '../summary.js';
import { chainAnchor, lemmaAnchor } from './anchors.js';
import { counterexampleBlock } from './counterexample.js';
import { html, type Raw } from './escape.js';
import { renderLatex } from './latex.js';
import { stepCard } from './step-card.js';
import { verdictText } from './verdict-style.js';

/** A step in the notes' form and, beside it, its errata (the corrected forms, each checked too). */
function stepWithErrata(lemma: LemmaReport, step: StepReport, label: string, errata: ReadonlyMap<string, StepReport[]>): Raw {
  const corrections = errata.get(step.id) ?? [];
  if (corrections.length === 0) return html`<div class="pair single">${stepCard(lemma, step, label)}</div>`;
  return html`<div class="pair">${stepCard(lemma, step, label)}${corrections.map((e) => stepCard(lemma, e, `${label} · erratum`))}</div>`;
}

function chainHead(lemma: LemmaReport, chain: ChainReport, links: readonly StepReport[]): Raw {
  const failing = links.filter((s) => s.verdict !== 'held');
  const expected = chain.verdict === 'refuted' && failing.length > 0 && failing.every(isExpectedRefutation);
  const formula = renderLatex(chain.notes);
  const anchor = chainAnchor(lemma.id, chain.id);
  return html`<header class="chain-head" id="${anchor}">
<span class="badge v-${chain.verdict}${expected ? ' expected' : ''}">${verdictText(chain.verdict, expected)}</span>
<a class="step-id" href="#${anchor}">${chain.id}</a> <span class="muted">chain ${chain.relation}${chain.failedLinks.length ? ` · link${chain.failedLinks.length > 1 ? 's' : ''} ${chain.failedLinks.join(', ')} not held` : ''}</span>
<div class="formula${formula.error ? ' failed' : ''}">${formula.html}</div>
</header>`;
}

/** Steps in proof order; a chain's links under its header; errata beside the line they correct. */
function proofBody(lemma: LemmaReport): Raw[] {
  const byId = new Map(lemma.steps.map((s) => [s.id, s]));
  const errata = new Map<string, StepReport[]>();
  for (const step of lemma.steps) {
    if (step.form === 'erratum' && step.erratumOf !== undefined && byId.has(step.erratumOf)) errata.set(step.erratumOf, [...(errata.get(step.erratumOf) ?? []), step]);
  }
  const chains = new Map(lemma.chains.map((c) => [c.id, c]));
  const out: Raw[] = [];
  const shown = new Set<string>();
  for (const step of lemma.steps) {
    if (step.form === 'erratum' && step.erratumOf !== undefined && byId.has(step.erratumOf)) continue;
    const chain = step.chain ? chains.get(step.chain.id) : undefined;
    if (!step.chain || !chain) {
      out.push(stepWithErrata(lemma, step, step.id, errata));
      continue;
    }
    if (shown.has(chain.id)) continue;
    shown.add(chain.id);
    const links = lemma.steps.filter((s) => s.chain?.id === chain.id && s.form === 'notes');
    out.push(html`<section class="chain">${chainHead(lemma, chain, links)}${links.map((l) => stepWithErrata(lemma, l, `${chain.id} · link ${l.chain!.link}`, errata))}</section>`);
  }
  return out;
}

function relaxationBlock(lemma: LemmaReport, relaxation: RelaxationReport): Raw {
  const byId = new Map(lemma.steps.map((s) => [s.id, s]));
  return html`<div class="relaxation${relaxation.matters ? ' matters' : ''}">
<p><strong>${relaxation.hypothesis}</strong> relaxed to <strong>${relaxation.domain}</strong>: ${relaxation.matters ? 'matters (certified counterexample)' : 'no counterexample found'}</p>
<ul>${relaxation.steps.map((s) => {
    const relation = byId.get(s.id)?.relation ?? '≤';
    return html`<li data-relaxed-step="${s.id}"><span class="badge v-${s.verdict}">${verdictText(s.verdict, false)}</span> ${s.id}${
      s.counterexample ? html`<details><summary>counterexample</summary>${counterexampleBlock(s.counterexample, relation, `Counterexample under ${relaxation.domain}`)}</details>` : null
    }</li>`;
  })}</ul>${relaxation.sharp ? sharpBlock(relaxation) : null}</div>`;
}

/** How far the hypothesis can go: the certified bracket, what needs the hypothesis, and why the class's claim reads so. */
function sharpBlock(relaxation: RelaxationReport): Raw {
  const sharp = relaxation.sharp!;
  return html`<div class="sharp" data-sharp="${sharp.verdict}"><p><strong>How far</strong>: ${sharp.description}</p>${
    sharp.neededBy?.length ? html`<p>${relaxation.hypothesis} is used by ${sharp.neededBy.map((n) => `${n.step} (refuted for ${n.domain})`).join(', ')}, not by the claim itself.</p>` : null
  }<details><summary>why the claim on the class reads so</summary><p>${sharp.reduction}</p></details></div>`;
}

const keyValues = (entries: Record<string, string | number>): Raw =>
  html`<dl class="key-values">${Object.entries(entries).map(([k, v]) => html`<dt>${k}</dt><dd>${typeof v === 'number' ? formatNumber(v) : v}</dd>`)}</dl>`;

/** One lemma: title, how it was checked, its proof step by step, its relaxations. */
export function lemmaSection(lemma: LemmaReport): Raw {
  const surprises = lemmaSurpriseCount(lemma);
  const meta = [`${lemma.runs} instance${lemma.runs === 1 ? '' : 's'}`, `seed ${lemma.seed}`, formatDuration(lemma.timing.ms), lemma.file, lemma.source].filter(Boolean).join(' · ');
  return html`<section class="lemma${surprises ? ' has-surprise' : ''}" id="${lemmaAnchor(lemma.id)}" data-lemma-id="${lemma.id}">
<h2><a href="#${lemmaAnchor(lemma.id)}">${lemma.id}</a> <span class="lemma-title">${lemma.title}</span></h2>
<p class="meta">${meta}</p>
<details class="domain"><summary>hypotheses' domains and instance facts</summary>${keyValues(lemma.domain)}${Object.keys(lemma.notes).length ? keyValues(lemma.notes) : null}</details>
${lemma.error !== undefined ? html`<pre class="lemma-error">${lemma.error}</pre>` : null}
${proofBody(lemma)}
${lemma.relaxations.length ? html`<section class="relaxations"><h3>Relaxed hypotheses</h3>${lemma.relaxations.map((r) => relaxationBlock(lemma, r))}</section>` : null}
</section>`;
}
