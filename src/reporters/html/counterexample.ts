import type { Counterexample, FailingRegion, Relation } from '../../checker/report.js';
import { violationText } from '../console.js';
import { formatEnclosurePair, formatInterval } from '../number-format.js';
import { html, type Raw } from './escape.js';
import { readableJson } from './json-text.js';

const indexText = (index: Record<string, number> | undefined): string | null =>
  index && Object.keys(index).length ? Object.entries(index).map(([k, v]) => `${k} = ${v}`).join(', ') : null;

/** What the violation measures, so the number can be read without the source. */
function violationMeaning(relation: Relation): string {
  switch (relation) {
    case '≤':
    case '<':
      return 'lo(left) − hi(right)';
    case '≥':
    case '>':
      return 'lo(right) − hi(left)';
    case '=':
      return 'the gap between the disjoint enclosures';
  }
}

export function copyButton(text: string): Raw {
  return html`<button type="button" class="copy" data-copy="${text}" title="copy to the clipboard">copy</button>`;
}

/** Both sides, shortened outward (still enclosures, still as ordered as the exact ones), with the full digits on demand. */
function enclosures(cx: Pick<Counterexample, 'lhs' | 'rhs'>): Raw {
  const [lhs, rhs] = formatEnclosurePair(cx.lhs, cx.rhs);
  return html`<dt>left side ∈</dt><dd><code class="enclosure">${lhs}</code></dd>
<dt>right side ∈</dt><dd><code class="enclosure">${rhs}</code>
<details class="digits"><summary>all digits</summary><code>left ∈ ${formatInterval(cx.lhs)}</code><br><code>right ∈ ${formatInterval(cx.rhs)}</code></details></dd>`;
}

/** A counterexample in full: the shrunk instance, both enclosures, the violation, the replay command. */
export function counterexampleBlock(cx: Counterexample, relation: Relation, title = 'Counterexample'): Raw {
  const index = indexText(cx.index);
  const facts = cx.facts && Object.keys(cx.facts).length ? Object.entries(cx.facts).map(([k, v]) => `${k} = ${v}`).join(' · ') : null;
  return html`<section class="counterexample">
<h4>${title}</h4>
<dl>
<dt>instance</dt><dd><pre class="instance">${readableJson(cx.instance)}</pre></dd>
${index ? html`<dt>at</dt><dd>${index}</dd>` : null}
${enclosures(cx)}
<dt>violation</dt><dd><strong>${violationText(cx.violation, relation)}</strong> <span class="muted">(certified lower bound of ${violationMeaning(relation)}, at this instance)</span></dd>
<dt>precision</dt><dd>${cx.precision}</dd>
${facts ? html`<dt>setup facts</dt><dd><details><summary class="muted">${Object.keys(cx.facts!).length} facts of this instance's certified setup</summary><span class="muted">${facts}</span></details></dd>` : null}
${cx.worst ? html`<dt>worst seen</dt><dd>violation ${violationText(cx.worst.violation, relation)} before shrinking${cx.worst.index ? `, at ${indexText(cx.worst.index)}` : ''}<details><summary>that instance</summary><pre class="instance">${readableJson(cx.worst.instance)}</pre></details></dd>` : null}
<dt>replay</dt><dd>${cx.replay.command ? html`<code class="replay">${cx.replay.command}</code> ${copyButton(cx.replay.command)}` : html`<span class="muted">not reproducible by replay</span>`}</dd>
</dl>
</section>`;
}

export function regionsBlock(regions: readonly FailingRegion[] | undefined): Raw | null {
  if (!regions?.length) return null;
  return html`<section class="regions"><h4>Failing regions <span class="muted">(certified bisection along ${regions[0].parameter}, other parameters as in the counterexample)</span></h4>
<ul>${regions.map((r) => html`<li class="v-${r.verdict ?? 'refuted'}">${r.description}</li>`)}</ul></section>`;
}
