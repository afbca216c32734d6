import { DomainError } from '../arithmetic/domain-error.js';
import type { FailingSetReport, Relation } from '../checker/report.js';
import { formatBracket } from '../checker/regions.js';
import type { Check } from '../language/lemma.js';
import { paramsOf } from './expr-key.js';
import type { Box, Variable } from './box.js';
import { splitPoint, wholeBox } from './box.js';
import { decideBox, type Goal } from './decide-box.js';
import { pieceSetups, reducePiece } from './prove-step.js';
import type { FailingSetSpec, WholeDomainSpec } from './whole-domain-spec.js';

/** Boxes per failing-set scan, and how narrow an undecided edge may get (relative). */
const SCAN_BUDGET = 3000;
const EDGE_WIDTH = 1e-9;

const NEGATION: Record<Exclude<Relation, '='>, Goal['relation']> = { '≤': '>', '<': '≥', '≥': '<', '>': '≤' };
const negate = (g: Goal): Goal => ({ lhs: g.lhs, relation: NEGATION[g.relation], rhs: g.rhs });

type Kind = 'fails' | 'holds' | 'undefined' | 'open';

/**
 * The set of values of one scalar where the step fails, certified: the
 * condition (the step's negation, or a declared sufficient condition) is
 * reduced exactly to the scan's variables, then the variable's range is
 * bisected until every piece is proved to satisfy the condition, proved not
 * to, or proved undefined; what is left are edge brackets narrower than 10⁻⁹
 * relative, reported with their total width.
 */
export function scanFailingSet(check: Check, spec: WholeDomainSpec, fs: FailingSetSpec): FailingSetReport | string {
  const condition = fs.condition
    ? { lhs: fs.condition.lhs.node, relation: fs.condition.relation, rhs: fs.condition.rhs.node }
    : check.relation === '='
      ? null
      : { lhs: check.lhs, relation: NEGATION[check.relation], rhs: check.rhs };
  if (!condition) return 'an equality has no failing set of this kind';
  const setups = pieceSetups({ ...spec, pieces: undefined }, condition.relation, fs.variables);
  if (typeof setups === 'string') return setups;
  // Always through exact algebra: cancellations (t = c/(2nγ̄²)) leave the condition in fewer variables.
  const piece = { ...setups[0], algebra: true };
  const r = reducePiece(condition, piece);
  if (r.kind !== 'goal') return r.kind === 'not-reduced' ? r.reason : 'the condition did not reduce to an inequality';
  const variables = piece.variables;
  const k = variables.findIndex((v) => v.name === fs.variable);
  if (k < 0) return `no variable ${fs.variable}`;
  const used = new Set([...paramsOf(r.goal.lhs), ...paramsOf(r.goal.rhs)]);
  const goal = r.goal;
  const obligations = r.obligations;
  let boxes = 0;
  const leaves: { lo: number; hi: number; kind: Kind }[] = [];
  const classify = (box: Box): Kind => {
    for (const o of obligations) {
      const d = decideBox(o, variables, box);
      if ((d.kind === 'undefined' && d.whole) || decideBox(negate(o), variables, box).kind === 'proved') return 'undefined';
      if (d.kind !== 'proved') return 'open';
    }
    const yes = decideBox(goal, variables, box);
    if (yes.kind === 'proved') return 'fails';
    if (yes.kind === 'undefined' && yes.whole) return 'undefined';
    if (decideBox(negate(goal), variables, box).kind === 'proved') return 'holds';
    return 'open';
  };
  const stack: Box[] = [wholeBox(variables)];
  while (stack.length) {
    const box = stack.pop()!;
    boxes++;
    const [lo, hi] = box[k];
    const kind = boxes > SCAN_BUDGET ? 'open' : classify(box);
    const s = splitPoint(lo, hi);
    const narrow = Number.isFinite(lo) && Number.isFinite(hi) && hi - lo <= EDGE_WIDTH * Math.max(Math.abs(lo), Math.abs(hi));
    if (kind !== 'open' || narrow || !(s > lo && s < hi) || boxes > SCAN_BUDGET) {
      leaves.push({ lo, hi, kind });
      continue;
    }
    // Upper half first onto the stack, so leaves come out in increasing order.
    stack.push(box.map((x, j) => (j === k ? ([s, hi] as const) : x)), box.map((x, j) => (j === k ? ([lo, s] as const) : x)));
  }
  const runs: { kind: Kind; from: number; to: number }[] = [];
  for (const leaf of leaves) {
    const last = runs[runs.length - 1];
    if (last && last.kind === leaf.kind) last.to = leaf.hi;
    else runs.push({ kind: leaf.kind, from: leaf.lo, to: leaf.hi });
  }
  const stretches = runs.filter((x) => x.kind !== 'open') as FailingSetReport['stretches'];
  const undecidedWidth = runs.filter((x) => x.kind === 'open' && Number.isFinite(x.to - x.from)).reduce((w, x) => w + (x.to - x.from), 0);
  const unused = variables.filter((v, j) => j !== k && used.has(v.name) && v.lo !== v.hi).map((v) => v.name);
  return { variable: fs.variable, reads: fs.reads, stretches, undecidedWidth, description: describe(fs, runs, variables[k], unused), boxes, ...(fs.class ? { class: fs.class } : {}) };
}

const fmt = (x: number): string => (x === Infinity ? '∞' : x === -Infinity ? '−∞' : String(Number(x.toPrecision(7))));

function describe(fs: FailingSetSpec, runs: { kind: Kind; from: number; to: number }[], v: Variable, others: string[]): string {
  const name = fs.label ?? fs.variable;
  const parts: { fails: boolean; text: string }[] = [];
  runs.forEach((run, i) => {
    if (run.kind !== 'fails' && run.kind !== 'undefined') return;
    const before = runs[i - 1]?.kind === 'open' ? runs[i - 1] : null;
    const after = runs[i + 1]?.kind === 'open' ? runs[i + 1] : null;
    const lower = before ? formatBracket(before.from, before.to) : null;
    const upper = after ? formatBracket(after.from, after.to) : null;
    const from = before ? lower![1] : fmt(run.from);
    const to = after ? upper![0] : fmt(run.to);
    // A stretch that reaches an end of the range (or whose only gap there is the edge bracket at that end) is open-ended.
    const atLo = run.from === v.lo || (before !== null && before.from === v.lo);
    const atHi = run.to === v.hi || (after !== null && after.to === v.hi);
    const range = atLo && atHi ? `every ${name} in range` : atLo ? `${name} < ${to}` : atHi ? `${name} > ${from}` : `${from} < ${name} < ${to}`;
    const edges = [lower, upper].filter(Boolean).map((b) => `[${b![0]}, ${b![1]}]`);
    // Only the step's own negation gives the exact failing set; a declared condition is sufficient, not necessary.
    // On a declared class the condition is the step's own negation there (its data-level side in closed form).
    const what = run.kind === 'undefined' ? 'undefined for' : fs.condition && !fs.class ? 'fails at least for' : 'fails exactly for';
    const notes = [...(run.kind === 'fails' ? [fs.reads] : []), ...(edges.length ? [`edge${edges.length > 1 ? 's' : ''} in ${edges.join(' and ')}`] : [])];
    parts.push({ fails: run.kind === 'fails', text: `${what} ${range}${notes.length ? ` (${notes.join('; ')})` : ''}` });
  });
  const last = runs[runs.length - 1];
  const first = runs[0];
  const unbounded = [
    first?.kind === 'open' && first.from === -Infinity ? `undecided below ${name} = ${fmt(first.to)}` : '',
    last?.kind === 'open' && last.to === Infinity ? `undecided beyond ${name} = ${fmt(last.from)}` : '',
  ].filter(Boolean);
  const tail = (others.length ? ` (for every ${others.join(', ')} in its range)` : '') + (unbounded.length ? `; ${unbounded.join('; ')}` : '');
  // Where it fails first: a line cut to the terminal's width still shows it.
  const ordered = [...parts.filter((p) => p.fails), ...parts.filter((p) => !p.fails)].map((p) => p.text);
  const nowhere = fs.condition ? `the condition (${fs.reads}) holds nowhere in range: it decides no failure` : 'fails nowhere in range';
  const on = fs.class ? `on ${fs.class}: ` : '';
  return on + (ordered.length ? ordered.join('; ') + tail : nowhere + tail);
}
