import type { Check, Instance, Lemma, RegionScan } from '../language/lemma.js';
import { evaluateCheck, indexAssignments, type EvaluateOptions } from './evaluate-check.js';
import { InstanceContext } from './instance-context.js';
import type { FailingRegion } from './report.js';

type Outcome = 'fails' | 'held' | 'other';
type Failure = 'refuted' | 'undefined';

const GRID_POINTS = 33;
const BISECTIONS = 40;

/** Reads or replaces a parameter by its path ("t", or "setting.t" inside an object hypothesis). */
function withParameter(instance: Instance, path: string, value: number): Instance {
  const keys = path.split('.');
  const copy = structuredClone(instance) as Record<string, unknown>;
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  if (typeof node[keys[keys.length - 1]] !== 'number') throw new Error(`region scan: '${path}' is not a number in the instance`);
  node[keys[keys.length - 1]] = value;
  return copy;
}

function outcomeAt(lemma: Lemma, check: Check, instance: Instance, failure: Failure, options: EvaluateOptions): Outcome {
  const ctx = new InstanceContext(lemma, instance);
  let allHeld = true;
  try {
    for (const index of indexAssignments(check, ctx, options.levels)) {
      const ev = evaluateCheck(check, ctx, index, options);
      // Only a certain domain error counts as undefined here.
      if (ev.verdict === failure && !ev.uncertain) return 'fails';
      if (ev.verdict !== 'held') allHeld = false;
    }
  } catch (err) {
    if (failure === 'undefined' && (err as Error)?.name === 'DomainError' && (err as { certain?: boolean }).certain) return 'fails';
    return 'other';
  }
  return allHeld ? 'held' : 'other';
}

const format = (x: number): string => Number(x.toPrecision(3)).toString();
/** Bracket ends with enough digits to tell them apart. */
function formatBracket(a: number, b: number): [string, string] {
  for (let p = 3; p < 17; p++) {
    const [x, y] = [Number(a.toPrecision(p)), Number(b.toPrecision(p))];
    if (x !== y) return [String(x), String(y)];
  }
  return [String(a), String(b)];
}

/**
 * Locates where a refuted (or undefined) step fails along one parameter, at a fixed
 * instance: a grid over the range (log-spaced for positive ranges), then
 * bisection of every refuted/held transition. Both ends of each reported
 * boundary bracket carry certified verdicts, so the region is computed,
 * not guessed: "refuted for t below 0.93 (boundary in [0.93, 0.94])".
 */
export function scanRegion(lemma: Lemma, check: Check, instance: Instance, scan: RegionScan, failure: Failure, options: EvaluateOptions): FailingRegion[] {
  const [lo, hi] = scan.range;
  const logScale = lo > 0 && hi > 0;
  const point = (u: number): number => (logScale ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo));
  const mid = (a: number, b: number): number => (logScale ? Math.sqrt(a) * Math.sqrt(b) : a / 2 + b / 2);
  const at = (value: number): Outcome => outcomeAt(lemma, check, withParameter(instance, scan.parameter, value), failure, options);
  const grid = Array.from({ length: GRID_POINTS }, (_, k) => point(k / (GRID_POINTS - 1)));
  const outcomes = grid.map(at);
  if (!outcomes.includes('fails')) return [];

  // Bisect each fails↔held transition; 'other' points (inconclusive, other failures) are not crossed.
  const boundaries: { between: [number, number]; refutedBelow: boolean }[] = [];
  for (let k = 0; k + 1 < grid.length; k++) {
    const pair = [outcomes[k], outcomes[k + 1]];
    if (!(pair.includes('fails') && pair.includes('held'))) continue;
    let [a, b] = [grid[k], grid[k + 1]];
    const refutedBelow = outcomes[k] === 'fails';
    for (let step = 0; step < BISECTIONS; step++) {
      const c = mid(a, b);
      if (c <= a || c >= b) break;
      const o = at(c);
      if (o === 'other') break;
      if ((o === 'fails') === refutedBelow) a = c;
      else b = c;
      if ((b - a) / Math.max(Math.abs(a), Math.abs(b)) < 1e-6) break;
    }
    boundaries.push({ between: [a, b], refutedBelow });
  }

  const name = scan.parameter.split('.').pop()!;
  if (boundaries.length === 0) {
    const all = outcomes.every((o) => o === 'fails');
    return [{ parameter: name, direction: 'between', boundary: [lo, hi], description: all ? `${failure} for every scanned ${name} in [${format(lo)}, ${format(hi)}]` : `${failure} at some ${name} in [${format(lo)}, ${format(hi)}]; elsewhere not decided` }];
  }
  return boundaries.map(({ between, refutedBelow }) => {
    const [a, b] = formatBracket(between[0], between[1]);
    return {
      parameter: name,
      direction: refutedBelow ? 'below' : 'above',
      boundary: between,
      description: `${failure} for ${name} ${refutedBelow ? 'below' : 'above'} ${refutedBelow ? a : b} (boundary in [${a}, ${b}], scanned ${format(lo)}..${format(hi)})`,
    };
  });
}
