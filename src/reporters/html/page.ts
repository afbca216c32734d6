import type { AuditReport } from '../../checker/report.js';
import { formatDuration } from '../console.js';
import { lemmaAnchor } from './anchors.js';
import { html, raw } from './escape.js';
import { KATEX_STYLESHEET } from './katex-assets.js';
import { lemmaSection } from './lemma-section.js';
import { STYLES } from './styles.js';
import { summarySection } from './summary-section.js';

/**
 * The one script on the page: copy buttons. The clipboard API may be refused
 * on a file:// page, so a selected text area is the fallback; either way the
 * button says what happened, and nothing is logged.
 */
const COPY_SCRIPT = `
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('button.copy');
  if (!button) return;
  var text = button.getAttribute('data-copy') || '';
  function done(ok) {
    button.textContent = ok ? 'copied' : 'select and copy';
    button.classList.toggle('copied', ok);
    setTimeout(function () { button.textContent = 'copy'; button.classList.remove('copied'); }, 2000);
  }
  function fallback() {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    done(ok);
  }
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
  else fallback();
});
`;

const PLOT_NOTE =
  'Plots draw the certified enclosures the checker computed at each evaluated value (a dot per value; an enclosure narrower than a pixel is a line), ' +
  'blue for the left side and orange for the right. The background is the certified verdict at the evaluated values: a run of equal verdicts is shaded ' +
  'from its first to its last value, and the blank gap between two runs is where the verdict changes, somewhere between two evaluated values. ' +
  'A band reaching the frame extends beyond it (to ±∞ where the enclosure is infinite).';

/** The whole report as one HTML document; KaTeX's stylesheet and fonts are expected beside it. */
export function renderHtmlReport(report: AuditReport): string {
  const s = report.summary;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>lemmacheck · ${s.surprises ? `${s.surprises} surprise${s.surprises === 1 ? '' : 's'}` : 'all verdicts as expected'} · seed ${report.seed}</title>
<link rel="stylesheet" href="${KATEX_STYLESHEET}">
<style>${raw(STYLES)}</style>
</head>
<body>
<main>
<header class="page">
<h1>lemmacheck audit</h1>
<p>${report.tool.name} ${report.tool.version} · seed ${report.seed} · ${s.lemmas} lemma${s.lemmas === 1 ? '' : 's'} · ${s.steps} steps · ${formatDuration(report.timing.ms)}${report.runs !== null ? ` · ${report.runs} instances per lemma` : ''}</p>
<nav class="lemmas">${report.lemmas.map((l) => html`<a href="#${lemmaAnchor(l.id)}">${l.id}</a>`)}</nav>
</header>
${summarySection(report)}
<p class="plot-note">${PLOT_NOTE}</p>
${report.lemmas.map(lemmaSection)}
</main>
<script>${raw(COPY_SCRIPT)}</script>
</body>
</html>
`;
  return page.html;
}
