import type { Box, Variable } from './box.js';
import { formatBox, share, split, wholeBox } from './box.js';
import { decideBox, type Goal } from './decide-box.js';

/** The outcome of a branch-and-bound run over a whole domain. */
export type SearchResult =
  | { kind: 'proved'; boxes: number; depth: number }
  | { kind: 'refuted'; boxes: number; point: Record<string, number>; lhs: [string, string]; rhs: [string, string]; precision: string }
  | { kind: 'undefined'; boxes: number; point: Record<string, number>; message: string }
  /** The budget ran out: the share of the domain proved (gauge measure) and the boxes left open. */
  | { kind: 'partial'; boxes: number; depth: number; proved: number; open: string[]; openCount: number };

/** Boxes examined per goal; counts, never milliseconds, so verdicts do not depend on machine load. */
export const DEFAULT_BUDGET = 4000;

const named = (variables: readonly Variable[], point: number[]): Record<string, number> => Object.fromEntries(variables.map((v, k) => [v.name, point[k]]));

/** Subdivides the domain breadth-first until every box is decided, a certified counterexample appears, or the budget is spent. */
export function branchAndBound(goal: Goal, variables: readonly Variable[], domain: Box = wholeBox(variables), budget = DEFAULT_BUDGET): SearchResult {
  let queue: { box: Box; depth: number }[] = [{ box: domain, depth: 0 }];
  let boxes = 0;
  let depth = 0;
  let proved = 0;
  const stuck: Box[] = [];
  while (queue.length) {
    const next: typeof queue = [];
    for (let q = 0; q < queue.length; q++) {
      const { box, depth: d } = queue[q];
      if (boxes >= budget) {
        const open = [...queue.slice(q).map((x) => x.box), ...next.map((x) => x.box), ...stuck];
        return partial(boxes, depth, proved, open, variables);
      }
      boxes++;
      depth = Math.max(depth, d);
      const outcome = decideBox(goal, variables, box);
      if (outcome.kind === 'proved') proved += share(box, domain);
      else if (outcome.kind === 'refuted') return { kind: 'refuted', boxes, point: named(variables, outcome.point), lhs: outcome.lhs, rhs: outcome.rhs, precision: outcome.precision };
      else if (outcome.kind === 'undefined') return { kind: 'undefined', boxes, point: named(variables, outcome.point), message: outcome.message };
      else {
        const halves = split(box);
        if (halves) next.push(...halves.map((b) => ({ box: b, depth: d + 1 })));
        else stuck.push(box);
      }
    }
    queue = next;
  }
  if (stuck.length) return partial(boxes, depth, proved, stuck, variables);
  return { kind: 'proved', boxes, depth };
}

function partial(boxes: number, depth: number, proved: number, open: Box[], variables: readonly Variable[]): SearchResult {
  return { kind: 'partial', boxes, depth, proved: Math.min(proved, 1), open: open.slice(0, 5).map((b) => formatBox(b, variables)), openCount: open.length };
}
