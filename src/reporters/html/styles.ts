/** The page's own styles (KaTeX's come from its stylesheet beside the page). Verdict colours match the console's. */
export const STYLES = `
:root {
  --held: #1b7a34; --held-bg: #e4f4e7;
  --refuted: #b3261e; --refuted-bg: #fbe4e2;
  --expected: #0b6e8a; --expected-bg: #e0f2f7;
  --inconclusive: #8a6100; --inconclusive-bg: #fff3cd;
  --undefined: #7b2d8e; --undefined-bg: #f3e5f7;
  --error: #b3261e; --error-bg: #eeeeee;
  --lhs: #1f5fbf; --rhs: #d9700a;
  --ink: #1d232b; --muted: #5d6773; --rule: #d9dee4; --paper: #fff; --panel: #f7f8fa;
}
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--panel); }
main { max-width: 1320px; margin: 0 auto; padding: 16px 24px 80px; }
a { color: #1a4f9c; text-decoration: none; } a:hover { text-decoration: underline; }
code, pre { font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.muted { color: var(--muted); }
header.page { border-bottom: 1px solid var(--rule); margin-bottom: 12px; }
header.page h1 { font-size: 22px; margin: 8px 0 2px; }
header.page p { margin: 0 0 10px; color: var(--muted); }
nav.lemmas { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 8px 0 0; font-size: 14px; }
.audit-verdict { font-size: 20px; font-weight: 700; padding: 10px 14px; border-radius: 6px; margin: 8px 0 12px; }
.audit-verdict.ok { color: var(--held); background: var(--held-bg); }
.audit-verdict.bad { color: var(--refuted); background: var(--refuted-bg); }
table.summary-table { border-collapse: collapse; background: var(--paper); font-variant-numeric: tabular-nums; }
.summary-table th, .summary-table td { padding: 4px 12px; border-bottom: 1px solid var(--rule); text-align: right; }
.summary-table th:first-child, .summary-table td:first-child { text-align: left; }
.summary-table tfoot td { font-weight: 700; border-top: 2px solid var(--ink); }
.summary-table tr.surprise td { color: var(--refuted); font-weight: 600; }
ol.refuted-index { padding-left: 24px; columns: 2 520px; column-gap: 32px; }
ol.refuted-index li { break-inside: avoid; margin-bottom: 6px; }
ol.refuted-index li.surprise a { color: var(--refuted); font-weight: 700; }
.formula.small .katex-display { margin: 2px 0; font-size: 0.9em; text-align: left; }
.formula.small .katex-display > .katex { text-align: left; }
section.lemma { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 4px 18px 16px; margin: 22px 0; }
section.lemma.has-surprise { border-color: var(--refuted); }
section.lemma h2 { font-size: 19px; margin: 12px 0 2px; }
.lemma-title { font-weight: 500; }
p.meta { color: var(--muted); margin: 0 0 6px; font-size: 13.5px; }
details.domain { font-size: 13.5px; margin-bottom: 8px; }
dl.key-values { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; }
dl.key-values dt { font-weight: 600; }
dl.key-values dd { margin: 0; }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 12px; margin: 10px 0; }
section.chain { border-left: 3px solid var(--rule); padding-left: 12px; margin: 16px 0; }
.chain-head { margin: 6px 0; }
article.step { border: 1px solid var(--rule); border-left: 6px solid var(--rule); border-radius: 6px; padding: 8px 12px; background: var(--paper); min-width: 0; }
article.step.v-held { border-left-color: var(--held); }
article.step.v-refuted { border-left-color: var(--refuted); }
article.step.v-refuted.expected { border-left-color: var(--expected); }
article.step.v-inconclusive { border-left-color: var(--inconclusive); }
article.step.v-undefined { border-left-color: var(--undefined); }
article.step.v-error, article.step.surprise { border-left-color: var(--error); box-shadow: 0 0 0 2px var(--refuted-bg); }
article.step.erratum { background: #fffdf5; }
.step-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; }
.step-id { font-weight: 700; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 14px; }
.form-tag { color: #8a6100; font-size: 13px; font-weight: 600; }
.surprise-tag { color: var(--refuted); font-weight: 700; }
.badge { display: inline-block; font-weight: 700; font-size: 13px; padding: 1px 8px; border-radius: 10px; white-space: nowrap; }
.badge.v-held { color: var(--held); background: var(--held-bg); }
.badge.v-refuted { color: #fff; background: var(--refuted); }
.badge.v-refuted.expected { color: #fff; background: var(--expected); }
.badge.v-inconclusive { color: var(--inconclusive); background: var(--inconclusive-bg); }
.badge.v-undefined { color: var(--undefined); background: var(--undefined-bg); }
.badge.v-error { color: #fff; background: var(--error); }
.formula { overflow-x: auto; overflow-y: hidden; padding: 2px 0; }
.formula .katex-display { margin: 6px 0; }
.formula .prose { display: block; margin: 8px 0; font-size: 1.1em; }
.formula.failed code { color: var(--refuted); }
p.detail { margin: 2px 0; font-weight: 600; }
p.why, p.expected-reason, p.message, p.facts { margin: 2px 0; font-size: 14px; }
p.expected-reason { color: var(--expected); overflow-wrap: anywhere; }
p.message { color: var(--undefined); }
p.facts { color: var(--muted); font-size: 13px; }
details.transcription { font-size: 13px; color: var(--muted); }
.edit { font-size: 13px; border-left: 3px solid var(--muted); padding-left: 8px; }
.edit .formula.was { opacity: 0.7; text-decoration: line-through; }
section.counterexample, section.regions { background: var(--panel); border-radius: 6px; padding: 6px 12px; margin: 8px 0; }
section.counterexample h4, section.regions h4 { margin: 2px 0 4px; font-size: 14px; }
section.counterexample dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 3px 12px; margin: 0; }
section.counterexample dt { font-weight: 600; color: var(--muted); }
section.counterexample dd { margin: 0; min-width: 0; }
pre.instance { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; max-height: 240px; overflow: auto; background: var(--paper); border: 1px solid var(--rule); padding: 4px 8px; border-radius: 4px; }
code.replay { overflow-wrap: anywhere; background: var(--paper); border: 1px solid var(--rule); padding: 1px 4px; border-radius: 4px; }
code.enclosure { font-size: 14px; }
details.digits code { word-break: break-all; font-size: 12px; }
button.copy { font: inherit; font-size: 12px; padding: 1px 10px; border: 1px solid #8a94a0; border-radius: 4px; background: var(--paper); cursor: pointer; }
button.copy.copied { border-color: var(--held); color: var(--held); }
section.regions ul { margin: 0; padding-left: 20px; }
section.regions li.v-refuted { color: var(--refuted); }
section.regions li.v-undefined { color: var(--undefined); }
.figures { margin-top: 8px; }
.series-title { font-size: 13px; color: var(--muted); margin: 4px 0 0; }
.small-multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 8px; }
figure.plot-figure { margin: 0; }
svg.plot { width: 100%; height: auto; display: block; background: var(--paper); }
svg.plot-large { max-width: 720px; }
svg.plot text { font: 11px system-ui, "DejaVu Sans", sans-serif; fill: var(--muted); }
svg.plot .axis-label { font-size: 12px; font-style: italic; fill: var(--ink); }
svg.plot .grid { stroke: #e6e9ed; stroke-width: 1; }
svg.plot .frame { fill: none; stroke: #aab2bc; }
svg.plot .shade-held { fill: var(--held-bg); }
svg.plot .shade-refuted { fill: var(--refuted-bg); }
svg.plot .shade-inconclusive { fill: var(--inconclusive-bg); }
svg.plot .shade-undefined { fill: var(--undefined-bg); }
svg.plot .shade-error { fill: var(--error-bg); }
svg.plot .side path { stroke-width: 1.6; stroke-linejoin: round; fill-opacity: 0.3; }
svg.plot .side-lhs path { stroke: var(--lhs); fill: var(--lhs); }
svg.plot .side-rhs path { stroke: var(--rhs); fill: var(--rhs); }
svg.plot .side-lhs circle { fill: var(--lhs); }
svg.plot .side-rhs circle { fill: var(--rhs); }
svg.plot .mark line { stroke: var(--ink); stroke-width: 1.2; stroke-dasharray: 4 3; }
svg.plot .mark text { fill: var(--ink); font-weight: 700; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
figcaption { font-size: 12.5px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 2px 14px; margin-top: 2px; }
.key::before { content: ""; display: inline-block; width: 14px; height: 10px; margin-right: 4px; border-radius: 2px; vertical-align: baseline; }
.key-lhs { color: var(--lhs); } .key-lhs::before { background: var(--lhs); height: 3px; vertical-align: middle; }
.key-rhs { color: #a65300; } .key-rhs::before { background: var(--rhs); height: 3px; vertical-align: middle; }
.key-shade { margin-right: 8px; }
.key-shade.shade-held::before { background: var(--held-bg); border: 1px solid var(--held); }
.key-shade.shade-refuted::before { background: var(--refuted-bg); border: 1px solid var(--refuted); }
.key-shade.shade-inconclusive::before { background: var(--inconclusive-bg); border: 1px solid var(--inconclusive); }
.key-shade.shade-undefined::before { background: var(--undefined-bg); border: 1px solid var(--undefined); }
.key-shade.shade-error::before { background: var(--error-bg); border: 1px solid var(--error); }
.relaxation { margin: 6px 0; font-size: 14px; }
.relaxation ul { list-style: none; padding-left: 8px; }
pre.lemma-error { color: var(--refuted); white-space: pre-wrap; }
dl.whole-domain { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 1px 10px; margin: 4px 0; font-size: 13.5px; }
dl.whole-domain dt { color: var(--muted); font-weight: 600; }
dl.whole-domain dd { margin: 0; overflow-wrap: anywhere; }
dl.whole-domain.whole-proved dd:first-of-type { color: var(--held); font-weight: 600; }
p.plot-note { font-size: 13px; color: var(--muted); max-width: 900px; }
`;
