import type { SharpHypothesisReport } from '../checker/report.js';
import { branchAndBound, DEFAULT_BUDGET, type SearchResult } from './branch-and-bound.js';
import { pieceSetups, reducePiece } from './prove-step.js';
import type { DomainVariable, SharpHypothesisSpec, WholeDomainSpec } from './whole-domain-spec.js';

type Probe = { kind: 'proved'; boxes: number; depth: number } | { kind: 'refuted'; boxes: number; counterexample: NonNullable<SharpHypothesisReport['counterexample']> } | { kind: 'open'; boxes: number; why: string };

/**
 * The statement over the other variables with the parameter in `range` (a point, or the whole
 * stretch up to the bracket): every piece reduced exactly, then branch and bound.
 */
function probe(spec: SharpHypothesisSpec, range: DomainVariable): Probe {
  const domain: WholeDomainSpec = { domain: spec.class, variables: { ...spec.variables, [spec.variable]: range }, pieces: spec.pieces };
  const setups = pieceSetups(domain, spec.relation);
  if (typeof setups === 'string') return { kind: 'open', boxes: 0, why: setups };
  let boxes = 0;
  let depth = 0;
  for (const piece of setups) {
    const r = reducePiece({ lhs: spec.lhs.node, relation: spec.relation, rhs: spec.rhs.node }, piece);
    if (r.kind !== 'goal') return { kind: 'open', boxes, why: r.kind === 'not-reduced' ? r.reason : 'the statement did not reduce to an inequality' };
    for (const goal of [...r.obligations, r.goal]) {
      const result: SearchResult = branchAndBound(goal, piece.variables, undefined, spec.budget ?? DEFAULT_BUDGET);
      boxes += result.boxes;
      if (result.kind === 'refuted' && goal === r.goal) return { kind: 'refuted', boxes, counterexample: { point: result.point, lhs: result.lhs, rhs: result.rhs, precision: result.precision } };
      if (result.kind !== 'proved') return { kind: 'open', boxes, why: result.kind === 'partial' ? `budget spent (${result.openCount} open boxes)` : `${result.kind} on a piece` };
      depth = Math.max(depth, result.depth);
    }
  }
  return { kind: 'proved', boxes, depth };
}

const fmt = (x: number, digits = 7): string => String(Number(x.toPrecision(digits)));

/**
 * Brackets the largest value of the parameter for which the statement holds on the class, by
 * certified bisection: each probe proves the statement at one value (for every value of the other
 * variables) or refutes it at a certified point. The lower end is then proved for the whole stretch
 * from the search's lower end up to it, so "held up to η_lo" covers every value, not only the probes.
 * Probes that neither prove nor refute stop the bisection there: the bracket is what was certified.
 */
export function sharpBracket(spec: SharpHypothesisSpec): SharpHypothesisReport {
  const name = spec.label ?? spec.variable;
  const width = spec.width ?? 1e-6;
  let [lo, hi] = spec.search;
  let boxes = 0;
  let probes = 0;
  const at = (x: number): Probe => {
    probes++;
    const p = probe(spec, { range: [x, x] });
    boxes += p.boxes;
    return p;
  };
  const base = { parameter: name, class: spec.class, reduction: spec.reduction, search: [lo, hi] as [number, number] };
  const first = at(lo);
  if (first.kind !== 'proved') return { ...base, verdict: 'open', boxes, probes, description: `not proved at the search's lower end ${name} = ${fmt(lo)}: ${first.kind === 'open' ? first.why : 'refuted'}` };
  const last = at(hi);
  if (last.kind !== 'refuted') return { ...base, verdict: 'open', boxes, probes, description: `no certified counterexample at the search's upper end ${name} = ${fmt(hi)}` };
  let counterexample = last.counterexample;
  while (hi - lo > width * hi) {
    const mid = lo / 2 + hi / 2;
    const p = at(mid);
    if (p.kind === 'proved') lo = mid;
    else if (p.kind === 'refuted') {
      hi = mid;
      counterexample = p.counterexample;
    } else break;
  }
  // Every value up to lo, not only the probes: the statement over the whole stretch.
  probes++;
  const stretch = probe(spec, { range: [spec.search[0], lo] });
  boxes += stretch.boxes;
  const held = stretch.kind === 'proved' ? { verdict: 'proved' as const, boxes: stretch.boxes, deepestSplit: stretch.depth } : { verdict: 'open' as const, boxes: stretch.boxes, deepestSplit: 0 };
  const point = Object.entries(counterexample.point).filter(([k]) => k !== spec.variable).map(([k, v]) => `${k} = ${fmt(v, 6)}`).join(', ');
  const description =
    held.verdict === 'proved'
      ? `the largest ${name} for which the claim holds on ${spec.class} lies in [${fmt(lo)}, ${fmt(hi)}]: proved for every ${name} in [${fmt(spec.search[0])}, ${fmt(lo)}], certified counterexample at ${name} = ${fmt(hi)} (${point})`
      : `certified counterexample at ${name} = ${fmt(hi)} (${point}); the statement below it was proved at ${name} = ${fmt(lo)} only, not over the whole stretch`;
  return { ...base, verdict: held.verdict === 'proved' ? 'bracketed' : 'open', bracket: [lo, hi], held, counterexample, boxes, probes, description };
}
