import type { SeriesPoint, StepSeries, Verdict } from '../../checker/report.js';
import { formatNumber } from '../number-format.js';
import { html, raw, type Raw } from './escape.js';
import { chooseScale, type Tick } from './scale.js';
import { SHADE_WORDS } from './verdict-style.js';

/**
 * A step along one parameter, drawn as server-side SVG: both sides'
 * certified enclosures as bands (an enclosure narrower than a pixel is a
 * line), a dot per evaluated value, and behind them the certified verdict at
 * the evaluated values: each run of equal verdicts is shaded from its first
 * to its last value, and the gap between two runs, where the verdict changes
 * somewhere, is left blank. Nothing is interpolated or computed here.
 */
export interface PlotOptions {
  /** Names of the two sides for the legend (the checker's transcription). */
  lhsName: string;
  rhsName: string;
  relation: string;
  /** The counterexample's value of the parameter, marked on the plot. */
  mark?: number;
  size: 'large' | 'small';
  /** Unique within the page (the plot's clip path is named after it). */
  id: string;
}

const SIZES = { large: { width: 680, height: 300 }, small: { width: 440, height: 230 } };
const MARGIN = { left: 64, right: 14, top: 12, bottom: 38 };
/** A run of one sampled value is still drawn this wide, in px. */
const MIN_SHADE_WIDTH = 4;

interface Side {
  lo: number;
  hi: number;
}

const side = (bounds: [string, string] | undefined): Side | undefined => (bounds ? { lo: Number(bounds[0]), hi: Number(bounds[1]) } : undefined);

/** Runs of equal verdicts along the points (the plot's shaded stretches). */
export function verdictRuns(points: readonly SeriesPoint[]): { verdict: Verdict; from: number; to: number; count: number }[] {
  const runs: { verdict: Verdict; from: number; to: number; count: number }[] = [];
  for (const p of points) {
    const last = runs[runs.length - 1];
    if (last && last.verdict === p.verdict) {
      last.to = p.value;
      last.count++;
    } else runs.push({ verdict: p.verdict, from: p.value, to: p.value, count: 1 });
  }
  return runs;
}

const fixed = (x: number): string => (Math.round(x * 10) / 10).toString();

export function plotSeries(series: StepSeries, options: PlotOptions): Raw {
  const { width, height } = SIZES[options.size];
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const points = series.points;
  const sides = points.map((p) => ({ value: p.value, lhs: side(p.lhs), rhs: side(p.rhs) }));
  const xScale = chooseScale(points.map((p) => p.value), { integer: series.along === 'index' });
  const yValues = sides.flatMap((s) => [s.lhs?.lo, s.lhs?.hi, s.rhs?.lo, s.rhs?.hi]).filter((v): v is number => v !== undefined && Number.isFinite(v));
  const yScale = chooseScale(yValues);
  const X = (v: number): number => MARGIN.left + clip(xScale.at(v)) * plotW;
  // The values keep a margin inside the frame, so a line at the extreme is not hidden by it; beyond the range, at the frame.
  const Y = (v: number): number => MARGIN.top + (1 - (Y_PAD + (1 - 2 * Y_PAD) * clip(yScale.at(v)))) * plotH;

  const runs = verdictRuns(points);
  const shades = runs.map((run) => {
    let [x0, x1] = [X(run.from), X(run.to)];
    if (x1 - x0 < MIN_SHADE_WIDTH) [x0, x1] = [(x0 + x1) / 2 - MIN_SHADE_WIDTH / 2, (x0 + x1) / 2 + MIN_SHADE_WIDTH / 2];
    return html`<rect class="shade shade-${run.verdict}" data-verdict="${run.verdict}" data-from="${run.from}" data-to="${run.to}" x="${fixed(x0)}" y="${MARGIN.top}" width="${fixed(x1 - x0)}" height="${plotH}"><title>${SHADE_WORDS[run.verdict]} at ${run.count} evaluated ${series.parameter} in [${formatNumber(run.from)}, ${formatNumber(run.to)}]</title></rect>`;
  });

  const band = (name: 'lhs' | 'rhs'): Raw => {
    const segments: { x: number; lo: number; hi: number }[][] = [[]];
    for (const s of sides) {
      const b = s[name];
      if (!b || Number.isNaN(b.lo) || Number.isNaN(b.hi)) {
        if (segments[segments.length - 1].length) segments.push([]);
        continue;
      }
      segments[segments.length - 1].push({ x: X(s.value), lo: Y(b.lo), hi: Y(b.hi) });
    }
    const d = segments
      .filter((seg) => seg.length)
      .map((seg) => {
        const upper = seg.map((p, k) => `${k ? 'L' : 'M'}${fixed(p.x)},${fixed(p.hi)}`).join('');
        const lower = [...seg].reverse().map((p) => `L${fixed(p.x)},${fixed(p.lo)}`).join('');
        return `${upper}${lower}Z`;
      })
      .join('');
    const dots = sides
      .filter((s) => s[name] && Number.isFinite(s[name]!.lo + s[name]!.hi))
      .map((s) => `<circle cx="${fixed(X(s.value))}" cy="${fixed((Y(s[name]!.lo) + Y(s[name]!.hi)) / 2)}" r="2"/>`)
      .join('');
    const count = sides.filter((s) => s[name]).length;
    return html`<g class="side side-${name}" data-series="${name}" data-points="${count}"><path d="${d}"/>${raw(dots)}</g>`;
  };

  const grid = [
    ...spaced(yScale.ticks, (t) => -Y(t.value), 14).map((t) => html`<line class="grid" x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${fixed(Y(t.value))}" y2="${fixed(Y(t.value))}"/><text class="tick" x="${MARGIN.left - 6}" y="${fixed(Y(t.value) + 4)}" text-anchor="end">${t.label}</text>`),
    ...spaced(xScale.ticks, (t) => X(t.value), options.size === 'small' ? 34 : 40).map((t) => html`<line class="grid" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" x1="${fixed(X(t.value))}" x2="${fixed(X(t.value))}"/><text class="tick" y="${MARGIN.top + plotH + 15}" x="${fixed(X(t.value))}" text-anchor="middle">${t.label}</text>`),
  ];
  const mark =
    options.mark !== undefined && Number.isFinite(options.mark)
      ? html`<g class="mark" data-mark="${options.mark}"><line x1="${fixed(X(options.mark))}" x2="${fixed(X(options.mark))}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}"/><text x="${fixed(Math.min(X(options.mark) + 4, MARGIN.left + plotW - 90))}" y="${MARGIN.top + 12}">counterexample</text></g>`
      : null;
  const caption = `${series.parameter} (${xScale.description}) · values: ${yScale.description}`;
  const svg = html`<svg class="plot plot-${options.size}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${options.lhsName} ${options.relation} ${options.rhsName} along ${series.parameter}" data-parameter="${series.parameter}" data-x-scale="${xScale.kind}" data-y-scale="${yScale.kind}" data-shades="${runs.length}">
<defs><clipPath id="${options.id}"><rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}"/></clipPath></defs>
<g class="shades">${shades}</g>
<g class="grid-lines">${grid}</g>
<g clip-path="url(#${options.id})">${band('rhs')}${band('lhs')}</g>
<rect class="frame" x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}"/>
${mark}
<text class="axis-label" x="${MARGIN.left + plotW / 2}" y="${height - 6}" text-anchor="middle">${series.parameter}</text>
</svg>`;
  return html`<figure class="plot-figure">${svg}<figcaption>${legend(runs.map((r) => r.verdict), options)}<span class="scales">${caption}</span></figcaption></figure>`;
}

function legend(verdicts: readonly Verdict[], options: PlotOptions): Raw {
  const present = [...new Set(verdicts)];
  return html`<span class="legend"><span class="key key-lhs">left: ${options.lhsName}</span> <span class="relation">${options.relation}</span> <span class="key key-rhs">right: ${options.rhsName}</span></span><span class="legend shading">${present.map((v) => html`<span class="key key-shade shade-${v}">${SHADE_WORDS[v]}</span>`)}</span>`;
}

/** Ticks at least `gap` px apart along the axis (0 is kept when present: it anchors a symmetric-log axis). */
function spaced(ticks: readonly Tick[], position: (t: Tick) => number, gap: number): Tick[] {
  const sorted = [...ticks].sort((a, b) => position(a) - position(b));
  const zero = sorted.find((t) => t.value === 0);
  const kept: Tick[] = zero ? [zero] : [];
  for (const t of sorted) {
    if (t === zero) continue;
    if (kept.every((k) => Math.abs(position(k) - position(t)) >= gap)) kept.push(t);
  }
  return kept;
}

const Y_PAD = 0.05;
const clip = (u: number): number => (Number.isNaN(u) ? 0 : Math.max(-Y_PAD / (1 - 2 * Y_PAD), Math.min(1 + Y_PAD / (1 - 2 * Y_PAD), u)));
