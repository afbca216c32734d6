import type { Check, Instance, IntervalParameter, Lemma, RegionScan } from '../language/lemma.js';
import type { EvaluateOptions } from './evaluate-check.js';
import { InstanceContext } from './instance-context.js';
import { withValueAt } from './instance-path.js';
import type { FailingRegion, RegionScanReport } from './report.js';
import { stepAt, type Outcome } from './series.js';

/** Seed cells of the scanned range, evaluations per step, and how narrow an undecided edge gets (relative). */
const SEED_CELLS = 32;
const BUDGET = 160;
const EDGE_WIDTH = 1e-6;

/** The instance with the parameter ranging over [lo, hi]: the setup binds it (and what depends on it) as enclosures over the whole interval. */
export function withInterval(instance: Instance, path: string, lo: number, hi: number): Instance {
  const range: IntervalParameter = { wholeInterval: [lo, hi] };
  return withValueAt(instance, path, range);
}

/** The step over a whole interval of the parameter: refuted or undefined if any index is, everywhere in it (certainly); held if all are. */
function outcomeOver(lemma: Lemma, check: Check, instance: Instance, options: EvaluateOptions): Outcome {
  return stepAt(check, new InstanceContext(lemma, instance), options).outcome;
}

const format = (x: number): string => Number(x.toPrecision(3)).toString();

/** Bracket ends with just enough digits to tell them apart. */
export function formatBracket(a: number, b: number): [string, string] {
  for (let p = 3; p < 17; p++) {
    const [x, y] = [Number(a.toPrecision(p)), Number(b.toPrecision(p))];
    if (x !== y) return [String(x), String(y)];
  }
  return [String(a), String(b)];
}

interface Run {
  outcome: Outcome;
  from: number;
  to: number;
}

/**
 * Classifies the scanned range into stretches certified over their whole
 * length: each cell [a, b] is evaluated once with the parameter as the
 * interval [a, b] (the setup encloses everything that depends on it, e.g. the
 * flow's w(s) for every s in [a, b]); a cell is refuted, held or undefined
 * for every value in it, or it is bisected. What the budget leaves is
 * reported as undecided, with its total width; nothing inside a stretch is
 * assumed.
 */
export function scanStretches(lemma: Lemma, check: Check, instance: Instance, scan: RegionScan, options: EvaluateOptions): RegionScanReport {
  const [lo, hi] = scan.range;
  const logScale = lo > 0 && hi > 0;
  const point = (u: number): number => (logScale ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo));
  const mid = (a: number, b: number): number => (logScale ? Math.sqrt(a) * Math.sqrt(b) : a / 2 + b / 2);
  const edges = Array.from({ length: SEED_CELLS + 1 }, (_, k) => (k === 0 ? lo : k === SEED_CELLS ? hi : point(k / SEED_CELLS)));
  let evaluations = 0;
  // Over an interval the enclosures are as wide as the interval makes them: more digits would not narrow them, so
  // cells are evaluated in float intervals only and narrowed by bisection instead.
  const intervalOnly: EvaluateOptions = { ...options, levels: options.levels.slice(0, 1) };
  const classify = (a: number, b: number): Outcome => {
    evaluations++;
    return outcomeOver(lemma, check, withInterval(instance, scan.parameter, a, b), intervalOnly);
  };
  let cells: Run[] = edges.slice(0, -1).map((a, k) => ({ from: a, to: edges[k + 1], outcome: classify(a, edges[k + 1]) }));
  // Bisect undecided cells next to decided ones first (that is where edges are), widest first, within the budget.
  for (;;) {
    const candidates = cells
      .map((c, k) => ({ c, k }))
      .filter(({ c }) => c.outcome === 'other' && (c.to - c.from) / Math.max(Math.abs(c.from), Math.abs(c.to)) > EDGE_WIDTH);
    if (!candidates.length || evaluations + 2 > BUDGET) break;
    const next = candidates.sort((x, y) => Math.log(y.c.to / y.c.from || 1) - Math.log(x.c.to / x.c.from || 1))[0];
    const { c, k } = next;
    const m = mid(c.from, c.to);
    if (!(m > c.from && m < c.to)) break; // no double between its ends
    const halves: Run[] = [{ from: c.from, to: m, outcome: classify(c.from, m) }, { from: m, to: c.to, outcome: classify(m, c.to) }];
    cells = [...cells.slice(0, k), ...halves, ...cells.slice(k + 1)];
  }
  const runs: Run[] = [];
  for (const c of cells) {
    const last = runs[runs.length - 1];
    if (last && last.outcome === c.outcome) last.to = c.to;
    else runs.push({ ...c });
  }
  const undecided = runs.filter((r) => r.outcome === 'other');
  return {
    parameter: scan.parameter.split('.').pop()!,
    range: [lo, hi],
    stretches: runs.map((r) => ({ verdict: r.outcome === 'other' ? 'undecided' : r.outcome, from: r.from, to: r.to })),
    undecidedWidth: undecided.reduce((w, r) => w + (r.to - r.from), 0),
    evaluations,
  };
}

/**
 * The failing stretches of a step along one parameter, each certified over its
 * whole length; its edges are the undecided gaps next to it (or the scan's ends).
 */
export function scanRegion(lemma: Lemma, check: Check, instance: Instance, scan: RegionScan, options: EvaluateOptions): FailingRegion[] {
  return regionsOf(scanStretches(lemma, check, instance, scan, options));
}

export function regionsOf(scan: RegionScanReport): FailingRegion[] {
  const name = scan.parameter;
  const [lo, hi] = scan.range;
  const runs = scan.stretches;
  const regions: FailingRegion[] = [];
  runs.forEach((run, r) => {
    if (run.verdict !== 'refuted' && run.verdict !== 'undefined') return;
    const gapBelow = runs[r - 1]?.verdict === 'undecided' ? runs[r - 1] : null;
    const gapAbove = runs[r + 1]?.verdict === 'undecided' ? runs[r + 1] : null;
    const first = run.from === lo;
    const last = run.to === hi;
    const verdict = run.verdict;
    const scanned = `scanned ${format(lo)}..${format(hi)}`;
    const below: [number, number] | null = first ? null : [run.from, gapBelow ? gapBelow.from : run.from];
    const above: [number, number] | null = last ? null : [run.to, gapAbove ? gapAbove.to : run.to];
    const edge = (e: [number, number]): string => (e[0] === e[1] ? `exactly ${e[0]}` : `in [${formatBracket(Math.min(...e), Math.max(...e)).join(', ')}]`);
    // Each end printed with the digits that separate it from the far side of its edge bracket.
    const endText = (inside: number, outside: number): string => {
      if (inside === outside) return String(inside);
      const [a, b] = formatBracket(Math.min(inside, outside), Math.max(inside, outside));
      return inside < outside ? a : b;
    };
    const from = below ? endText(below[0], below[1]) : format(run.from);
    const to = above ? endText(above[0], above[1]) : format(run.to);
    let direction: FailingRegion['direction'];
    let description: string;
    if (first && last) {
      direction = 'everywhere';
      description = `${verdict} for every scanned ${name} (${scanned}, certified on the whole interval)`;
    } else if (first) {
      direction = 'below';
      description = `${verdict} for ${name} below ${to} (every ${name} in [${format(lo)}, ${to}] certified; boundary ${edge(above!)}, ${scanned})`;
    } else if (last) {
      direction = 'above';
      description = `${verdict} for ${name} above ${from} (every ${name} in [${from}, ${format(hi)}] certified; boundary ${edge(below!)}, ${scanned})`;
    } else {
      direction = 'between';
      description = `${verdict} for ${name} between ${from} and ${to} (every ${name} in it certified; boundaries ${edge(below!)} and ${edge(above!)})`;
    }
    regions.push({
      parameter: name,
      verdict,
      direction,
      boundary: [run.from, run.to],
      ...(below ? { lowerEdge: below } : {}),
      ...(above ? { upperEdge: above } : {}),
      description,
    });
  });
  return regions;
}

