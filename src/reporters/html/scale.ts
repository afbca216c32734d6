import { formatNumber } from '../number-format.js';

/**
 * Axis scales for the plots: linear, log (positive data over decades), and
 * symmetric log (data over decades on both sides of 0, like a bound that is
 * hugely negative for small t and tiny positive for large t).
 */
export type ScaleKind = 'linear' | 'log' | 'symlog';

export interface Tick {
  value: number;
  label: string;
}

export interface Scale {
  kind: ScaleKind;
  /** Position in [0, 1] for a finite value inside the domain (outside: beyond 0 or 1; callers clip). */
  at(value: number): number;
  ticks: Tick[];
  /** Words for the axis caption, e.g. "symmetric log scale, linear within ±1e−5". */
  description: string;
}

/** Data spanning at least this ratio of magnitudes get a logarithmic axis. */
const DECADES_RATIO = 1e3;
const MAX_TICKS = 7;
/** A symmetric-log axis shows at most this many decades on each side of its linear core. */
const MAX_SYMLOG_DECADES = 14;

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

export const powerOfTen = (k: number): string => (k === 0 ? '1' : k === 1 ? '10' : `10${[...String(k)].map((c) => SUPERSCRIPT[c]).join('')}`);

function linear(lo: number, hi: number): Scale {
  if (lo === hi) [lo, hi] = lo === 0 ? [-1, 1] : [lo - Math.abs(lo) / 2, hi + Math.abs(hi) / 2];
  const raw = (hi - lo) / (MAX_TICKS - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const values: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) values.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  const ticks = distinctLabels(values);
  return { kind: 'linear', at: (v) => (v - lo) / (hi - lo), ticks, description: 'linear scale' };
}

/**
 * Labels with the fewest significant digits (from 3) that tell the ticks
 * apart: a narrow range around 1 reads 0.9999999, 1, 1.0000001, not 1, 1, 1.
 */
function distinctLabels(values: readonly number[]): Tick[] {
  for (let digits = 3; digits <= 17; digits++) {
    const labels = values.map((v) => (v === 0 ? '0' : Number(v.toPrecision(digits)).toString().replace(/-/g, '−')));
    if (new Set(labels).size === labels.length || digits === 17) return values.map((value, k) => ({ value, label: digits === 3 ? formatNumber(value) : labels[k] }));
  }
  return [];
}

/** Every k-th decade so that at most MAX_TICKS labels remain. */
function decadeStep(count: number): number {
  return Math.max(1, Math.ceil(count / MAX_TICKS));
}

function log(lo: number, hi: number): Scale {
  const [a, b] = [Math.log10(lo), Math.log10(hi)];
  const first = Math.ceil(a - 1e-9);
  const last = Math.floor(b + 1e-9);
  const step = decadeStep(last - first + 1);
  const ticks: Tick[] = [];
  for (let k = first; k <= last; k += step) ticks.push({ value: 10 ** k, label: powerOfTen(k) });
  return { kind: 'log', at: (v) => (v > 0 ? (Math.log10(v) - a) / (b - a) : -Infinity), ticks, description: 'log scale' };
}

function symlog(lo: number, hi: number, smallest: number): Scale {
  const largest = Math.max(Math.abs(lo), Math.abs(hi));
  // The linear core: below the smallest magnitude plotted, but not so far below that the axis becomes all decades.
  const core = 10 ** Math.floor(Math.log10(Math.max(smallest, largest / 10 ** MAX_SYMLOG_DECADES)));
  const f = (v: number): number => Math.sign(v) * Math.log10(1 + Math.abs(v) / core);
  const [a, b] = [f(lo), f(hi)];
  const top = Math.floor(Math.log10(largest) + 1e-9);
  const bottom = Math.round(Math.log10(core));
  const step = decadeStep(((lo < 0 ? 1 : 0) + (hi > 0 ? 1 : 0)) * (top - bottom + 1));
  const ticks: Tick[] = [{ value: 0, label: '0' }];
  for (let k = top; k >= bottom; k -= step) {
    if (10 ** k <= hi) ticks.push({ value: 10 ** k, label: powerOfTen(k) });
    if (-(10 ** k) >= lo) ticks.push({ value: -(10 ** k), label: `−${powerOfTen(k)}` });
  }
  ticks.sort((x, y) => x.value - y.value);
  return { kind: 'symlog', at: (v) => (f(v) - a) / (b - a), ticks, description: `symmetric log scale, linear within ±${formatNumber(core)}` };
}

/** The scale for these values: log or symmetric log when they span decades, else linear. */
export function chooseScale(values: readonly number[], options: { integer?: boolean } = {}): Scale {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return linear(0, 1);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const nonzero = finite.filter((v) => v !== 0).map(Math.abs);
  const smallest = nonzero.length ? Math.min(...nonzero) : 0;
  const largest = Math.max(Math.abs(lo), Math.abs(hi));
  if (options.integer) return integerScale(lo, hi);
  if (nonzero.length === 0 || largest / smallest < DECADES_RATIO) return linear(lo, hi);
  if (lo > 0) return log(lo, hi);
  return symlog(lo, hi, smallest);
}

/** Iterates and indices: integer ticks only. */
function integerScale(lo: number, hi: number): Scale {
  const span = Math.max(1, hi - lo);
  const step = Math.max(1, Math.ceil(span / (MAX_TICKS - 1)));
  const ticks: Tick[] = [];
  for (let v = Math.ceil(lo); v <= hi; v += step) ticks.push({ value: v, label: String(v) });
  const [a, b] = hi > lo ? [lo, hi] : [lo - 0.5, hi + 0.5];
  return { kind: 'linear', at: (v) => (v - a) / (b - a), ticks, description: 'linear scale' };
}
