import type { AuditReport } from '../../checker/report.js';
import { auditVerdict, formatDuration, lemmaCounts, TABLE_COLUMNS } from '../console.js';
import { isExpectedRefutation, lemmaSurpriseCount, listSurprises } from '../summary.js';
import { lemmaAnchor, stepAnchor } from './anchors.js';
import { html, type Raw } from './escape.js';
import { renderLatex } from './latex.js';

/** The console's summary table and closing verdict, with links to each lemma and to every refuted step. */
export function summarySection(report: AuditReport): Raw {
  const s = report.summary;
  const verdict = auditVerdict(report);
  const total = [String(s.steps), String(s.held), `${s.expectedRefuted}/${s.refuted - s.expectedRefuted}`, String(s.inconclusive), String(s.undefined), String(s.error), String(s.surprises), formatDuration(report.timing.ms)];
  const surprises = listSurprises(report.lemmas);
  const refuted = report.lemmas.flatMap((lemma) => lemma.steps.filter((step) => step.verdict === 'refuted').map((step) => ({ lemma, step })));
  return html`<section class="summary" id="summary">
<p class="audit-verdict ${verdict.ok ? 'ok' : 'bad'}" data-surprises="${s.surprises}">${verdict.headline}</p>
${verdict.items.length ? html`<ul class="surprises">${surprises.map((x) => html`<li><a href="#${x.step ? stepAnchor(x.lemma, x.step) : lemmaAnchor(x.lemma)}">${x.lemma}${x.step ? ` ${x.step}` : ''}</a>: ${x.description}</li>`)}</ul>` : null}
<table class="summary-table" data-steps="${s.steps}" data-held="${s.held}" data-refuted="${s.refuted}" data-expected-refuted="${s.expectedRefuted}" data-inconclusive="${s.inconclusive}" data-undefined="${s.undefined}" data-error="${s.error}">
<thead><tr><th>lemma</th>${TABLE_COLUMNS.map((c) => html`<th>${c}</th>`)}</tr></thead>
<tbody>${report.lemmas.map(
    (lemma) => html`<tr class="${lemmaSurpriseCount(lemma) ? 'surprise' : ''}"><td><a href="#${lemmaAnchor(lemma.id)}">${lemma.id}</a></td>${lemmaCounts(lemma).map((c) => html`<td>${c}</td>`)}</tr>`,
  )}</tbody>
<tfoot><tr><td>total</td>${total.map((c) => html`<td>${c}</td>`)}</tr></tfoot>
</table>
${refuted.length ? html`<h3>Refuted steps</h3><ol class="refuted-index">${refuted.map(({ lemma, step }) => {
    const formula = renderLatex(step.notes);
    return html`<li class="${isExpectedRefutation(step) ? 'expected' : 'surprise'}"><a href="#${stepAnchor(lemma.id, step.id)}">${lemma.id} · ${step.id}</a>${isExpectedRefutation(step) ? html` <span class="muted">(expected: a mistake in the notes, confirmed)</span>` : html` <strong>(not expected)</strong>`}<div class="formula small${formula.error ? ' failed' : ''}">${formula.html}</div></li>`;
  })}</ol>` : null}
</section>`;
}
