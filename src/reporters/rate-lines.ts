import { Decimal } from 'decimal.js';
import type { RateExampleReport, RateReport } from '../checker/report.js';
import { formatNumber } from './number-format.js';

const Dec = Decimal.clone({ precision: 60 });
const MINUS = '−';

/** A key and a value under a step, as the console prints them (never cut: a table row). */
export interface RateLine {
  key: string;
  value: string;
  keepWhole?: boolean;
  wrapped?: boolean;
}

/**
 * An enclosure rounded outward (still an enclosure) to the fewest digits, from 4, whose width is
 * within twice the exact one: a tight enclosure keeps the digits that show it is tight.
 */
export function shortEnclosure([lo, hi]: readonly [string, string]): string {
  let a: Decimal;
  let b: Decimal;
  try {
    [a, b] = [new Dec(lo), new Dec(hi)];
  } catch {
    return `[${lo}, ${hi}]`;
  }
  const width = b.minus(a);
  let out: [Decimal, Decimal] = [a, b];
  for (let digits = 4; digits <= 17; digits++) {
    out = [a.toSignificantDigits(digits, Decimal.ROUND_FLOOR), b.toSignificantDigits(digits, Decimal.ROUND_CEIL)];
    if (out[1].minus(out[0]).lte(width.times(2))) break;
  }
  const text = (d: Decimal): string => (d.isZero() ? '0' : d.abs().gte('1e-3') && d.abs().lt('1e6') ? d.toFixed() : d.toExponential().replace('e+', 'e')).replace(/-/g, MINUS);
  return `[${text(out[0])}, ${text(out[1])}]`;
}

const power = (t: number): string => {
  const k = Math.log10(t);
  return Number.isInteger(k) ? `1e${k}` : formatNumber(t);
};

function flowLine(example: RateExampleReport): string {
  const reach = example.complete ? `reached t = ${power(example.reached)} (${example.flowSteps} steps)` : `stopped at t = ${formatNumber(example.reached)}: ${example.stopped ?? ''}`;
  const constant = example.constant ? ` · ${example.constant.reads} ∈ ${shortEnclosure(example.constant.value)}` : '';
  return `${example.label}: ${example.verdict}, ${reach}${constant}`;
}

/**
 * The rate step's reading under its verdict line: the three rates, what is certified, every flow in
 * one line, and the decade table of the last flow (the most general data set of the examples).
 */
export function rateLines(rate: RateReport): RateLine[] {
  const lines: RateLine[] = [
    { key: 'rates', value: `stated ${rate.stated} · proved ${rate.bound.reads} · observed ${rate.observed}`, wrapped: true },
    { key: 'certifies', value: rate.certifies, wrapped: true },
  ];
  for (const example of rate.examples) {
    lines.push({ key: 'flow', value: flowLine(example), wrapped: true });
    const f = example.failure;
    if (f) lines.push({ key: 'failure', value: `${f.verdict} for t in [${formatNumber(f.from)}, ${formatNumber(f.to)}]${f.quantity && f.bound ? `: ${rate.quantity} ∈ ${shortEnclosure(f.quantity)}, bound ∈ ${shortEnclosure(f.bound)}` : ''}${f.message ? ` (${f.message})` : ''}`, wrapped: true });
  }
  const shown = rate.examples[rate.examples.length - 1];
  if (!shown || shown.decades.length === 0) return lines;
  const q = /\s/.test(rate.quantity) ? `(${rate.quantity})` : rate.quantity;
  lines.push({ key: 'per decade', value: `${shown.label}; [every t of the decade] / [at its grid t]`, keepWhole: true });
  // Where the observed rate is the stated one, its column would repeat the first.
  const columns: ('toStated' | 'toObserved' | 'boundToStated')[] = rate.observed === rate.stated ? ['toStated', 'boundToStated'] : ['toStated', 'toObserved', 'boundToStated'];
  const heads = { toStated: `${q}/(${rate.stated})`, toObserved: `${q}/(${rate.observed})`, boundToStated: `bound/(${rate.stated})` };
  lines.push({ key: '', value: columns.map((c) => heads[c]).join('  ·  '), keepWhole: true });
  for (const d of shown.decades) {
    const r = (pick: (typeof columns)[number]): string => `${d.overInterval ? shortEnclosure(d.overInterval[pick]) : '—'} / ${d.atGrid ? shortEnclosure(d.atGrid[pick]) : '—'}`;
    const undecided = `${d.undecidedCells ? ` (${d.undecidedCells} undecided cells)` : ''}${d.skippedCells ? ` (${d.skippedCells} of ${d.cells + d.skippedCells} cells skipped: not ${rate.where ?? 'in the bound\'s domain'})` : ''}`;
    lines.push({ key: `${power(d.from)}–${power(d.to)}`, value: `${d.verdict}${undecided}  ${columns.map(r).join('  ·  ')}`, keepWhole: true });
  }
  return lines;
}
