import type { Check, Instance, Lemma, RegionScan } from '../language/lemma.js';
import type { EvaluateOptions } from './evaluate-check.js';
import { InstanceContext } from './instance-context.js';
import type { FailingRegion, SeriesPoint } from './report.js';
import { parameterName, readParameter, scanGrid, stepAt, withParameter, type Outcome } from './series.js';

const BISECTIONS = 40;

const format = (x: number): string => Number(x.toPrecision(3)).toString();

/** Bracket ends with just enough digits to tell them apart. */
export function formatBracket(a: number, b: number): [string, string] {
  for (let p = 3; p < 17; p++) {
    const [x, y] = [Number(a.toPrecision(p)), Number(b.toPrecision(p))];
    if (x !== y) return [String(x), String(y)];
  }
  return [String(a), String(b)];
}

const decisive = (o: Outcome): boolean => o !== 'other';

/**
 * Locates where a failing step fails along one parameter, at a fixed
 * instance: a grid over the scanned range (log-spaced for positive ranges,
 * plus the instance's own value), then bisection of every edge between
 * decided outcomes (refuted, undefined, held). The reported regions are
 * computed, not guessed: "refuted for t below 0.93 (boundary in [0.93, 0.94])".
 */
export function scanRegion(lemma: Lemma, check: Check, instance: Instance, scan: RegionScan, options: EvaluateOptions, series?: SeriesPoint[]): FailingRegion[] {
  const [lo, hi] = scan.range;
  const logScale = lo > 0 && hi > 0;
  const mid = (a: number, b: number): number => (logScale ? Math.sqrt(a) * Math.sqrt(b) : a / 2 + b / 2);
  // Every value evaluated, grid and bisection alike, is a point of the step's series (for plots).
  const at = (value: number): Outcome => {
    const { outcome, point } = stepAt(check, new InstanceContext(lemma, withParameter(instance, scan.parameter, value)), options);
    series?.push({ value, ...point });
    return outcome;
  };
  const grid = scanGrid(scan, readParameter(instance, scan.parameter));
  const outcomes = grid.map(at);
  if (!outcomes.some((o) => o === 'refuted' || o === 'undefined')) return [];

  // Runs of equal outcomes along the grid, and a certified bracket for each edge between decided ones.
  const runs: { outcome: Outcome; first: number; last: number }[] = [];
  outcomes.forEach((o, k) => {
    const run = runs[runs.length - 1];
    if (run && run.outcome === o) run.last = k;
    else runs.push({ outcome: o, first: k, last: k });
  });
  const edges = runs.slice(0, -1).map((run, r) => {
    const next = runs[r + 1];
    if (!decisive(run.outcome) || !decisive(next.outcome)) return null;
    let [a, b] = [grid[run.last], grid[next.first]];
    for (let step = 0; step < BISECTIONS; step++) {
      const c = mid(a, b);
      if (c <= a || c >= b) break;
      const o = at(c);
      if (o === run.outcome) a = c;
      else if (o === next.outcome) b = c;
      else break;
      if ((b - a) / Math.max(Math.abs(a), Math.abs(b)) < 1e-6) break;
    }
    return [a, b] as [number, number];
  });

  const name = parameterName(scan);
  const regions: FailingRegion[] = [];
  runs.forEach((run, r) => {
    if (run.outcome !== 'refuted' && run.outcome !== 'undefined') return;
    const first = r === 0;
    const last = r === runs.length - 1;
    const below = r > 0 ? edges[r - 1] : null; // [outside, inside]
    const above = !last ? edges[r] : null; // [inside, outside]
    const verdict = run.outcome;
    const start = first ? lo : below ? below[1] : grid[run.first];
    const end = last ? hi : above ? above[0] : grid[run.last];
    const scanned = `scanned ${format(lo)}..${format(hi)}`;
    let direction: FailingRegion['direction'];
    let description: string;
    if (first && last) {
      direction = 'everywhere';
      description = `${verdict} for every scanned ${name} (${scanned})`;
    } else if (first && above) {
      const [a, b] = formatBracket(above[0], above[1]);
      direction = 'below';
      description = `${verdict} for ${name} below ${a} (boundary in [${a}, ${b}], ${scanned})`;
    } else if (last && below) {
      const [a, b] = formatBracket(below[0], below[1]);
      direction = 'above';
      description = `${verdict} for ${name} above ${b} (boundary in [${a}, ${b}], ${scanned})`;
    } else if (below && above) {
      const [a1, b1] = formatBracket(below[0], below[1]);
      const [a2, b2] = formatBracket(above[0], above[1]);
      direction = 'between';
      description = `${verdict} for ${name} between ${b1} and ${a2} (boundaries in [${a1}, ${b1}] and [${a2}, ${b2}])`;
    } else {
      direction = 'between';
      description = `${verdict} at ${name} around ${format(start)}..${format(end)}; its edges are not decided (${scanned})`;
    }
    regions.push({
      parameter: name,
      verdict,
      direction,
      boundary: [start, end],
      ...(below ? { lowerEdge: [below[1], below[0]] as [number, number] } : {}),
      ...(above ? { upperEdge: [above[0], above[1]] as [number, number] } : {}),
      description,
    });
  });
  return regions;
}
