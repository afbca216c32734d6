import type { WholeDomainReport } from '../checker/report.js';
import type { Check } from '../language/lemma.js';
import type { Expr } from '../language/expr.js';
import { exprKey, paramsOf } from './expr-key.js';
import type { Variable } from './box.js';
import { branchAndBound, DEFAULT_BUDGET, type SearchResult } from './branch-and-bound.js';
import { checkCover, imageOf, mapExpr } from './change-of-variable.js';
import type { Goal } from './decide-box.js';
import { gauge } from './box.js';
import { reduce, vanishesAtLowerEnd, type Reduction } from './reduce-goal.js';
import type { DomainPiece, DomainVariable, WholeDomainSpec } from './whole-domain-spec.js';
import { scanFailingSet } from './failing-set.js';

export function toVariable(name: string, d: DomainVariable): Variable {
  return { name, lo: d.range[0], hi: d.range[1], openLo: d.open === 'lo' || d.open === 'both', openHi: d.open === 'hi' || d.open === 'both' };
}

/** The variables and rewriting of one piece of the domain. */
export interface PieceSetup {
  variables: Variable[];
  substitute: Map<string, Expr>;
  abstractByKey: Map<string, Expr>;
  abstractByLabel: Map<string, Expr>;
  /** Whether exact algebra is needed (a reduction, an abstraction, a change of variable, or an equality). */
  algebra: boolean;
  /** Weight of the piece in the domain's gauge measure. */
  weight: number;
}

export function pieceSetups(spec: WholeDomainSpec, relation: Check['relation'], overrides: Record<string, DomainVariable> = {}): PieceSetup[] | string {
  const declared = { ...spec.variables, ...overrides };
  const base = Object.entries(declared).map(([name, d]) => toVariable(name, d));
  const substitute = new Map(Object.entries(spec.substitute ?? {}).map(([k, e]) => [k, e.node]));
  const abstractByKey = new Map<string, Expr>();
  const abstractByLabel = new Map<string, Expr>();
  for (const a of spec.abstract ?? []) {
    if (a.expr) abstractByKey.set(exprKey(a.expr.node), a.as.node);
    if (a.label) abstractByLabel.set(a.label, a.as.node);
  }
  const algebra = substitute.size > 0 || abstractByKey.size > 0 || abstractByLabel.size > 0 || relation === '=';
  const pieces = spec.pieces ?? [];
  if (pieces.length === 0) return [{ variables: base, substitute, abstractByKey, abstractByLabel, algebra, weight: 1 }];
  const variable = pieces[0].variable;
  if (pieces.some((p) => p.variable !== variable)) return 'pieces must split one variable';
  const v = base.find((x) => x.name === variable);
  if (!v) return `pieces split an undeclared variable ${variable}`;
  const cover = checkCover(pieces, v.lo, v.hi);
  if (cover) return `the declared pieces do not cover ${variable}'s range: ${cover}`;
  const whole = gauge(v.hi) - gauge(v.lo);
  return pieces.map((piece: DomainPiece) => {
    const image = imageOf(piece);
    const weight = whole > 0 ? (gauge(Math.min(image.hi.hi, v.hi)) - gauge(Math.max(image.lo.lo, v.lo))) / whole : 1;
    if (!piece.change) {
      const [lo, hi] = piece.range ?? [v.lo, v.hi];
      const variables = base.map((x) => (x.name === variable ? { ...x, lo, hi, openLo: x.openLo && lo === x.lo, openHi: x.openHi && hi === x.hi } : x));
      return { variables, substitute, abstractByKey, abstractByLabel, algebra, weight };
    }
    const c = piece.change;
    const nv: Variable = { name: c.to, lo: c.range[0], hi: c.range[1], openLo: c.map !== 'exp' || (c.range[0] === -Infinity), openHi: c.range[1] === Infinity };
    const variables = base.map((x) => (x.name === variable ? nv : x));
    return { variables, substitute: new Map([...substitute, [variable, mapExpr(c)]]), abstractByKey, abstractByLabel, algebra: true, weight };
  });
}

/** The piece at the lower end of the pieced variable's range, and its variable there (the new one of a change). */
function lowestPiece(spec: WholeDomainSpec, setups: PieceSetup[]): { setup: PieceSetup; variable: string; of: string } | null {
  const pieces = spec.pieces ?? [];
  if (pieces.length === 0) {
    const [name] = Object.keys(spec.variables);
    return name ? { setup: setups[0], variable: name, of: name } : null;
  }
  let best = 0;
  pieces.forEach((p, k) => {
    if (imageOf(p).lo.lo < imageOf(pieces[best]).lo.lo) best = k;
  });
  return { setup: setups[best], variable: pieces[best].change?.to ?? pieces[best].variable, of: pieces[best].variable };
}

export function reducePiece(check: Pick<Check, 'lhs' | 'relation' | 'rhs'>, piece: PieceSetup): Reduction {
  const foreign = [...paramsOf(check.lhs), ...paramsOf(check.rhs)].filter((p) => !piece.variables.some((v) => v.name === p));
  // A step in the variables alone is decided on its own expressions; one that reads more goes through exact algebra.
  if (!piece.algebra && check.relation !== '=' && foreign.length === 0) {
    return { kind: 'goal', goal: { lhs: check.lhs, relation: check.relation, rhs: check.rhs }, obligations: [], termwise: false, definedWhere: [], sideBoxes: 0 };
  }
  return reduce({ lhs: check.lhs, relation: check.relation, rhs: check.rhs, ...piece });
}

/** Proves one step over its whole declared domain: every piece, every definedness obligation, within the box budget. */
export function proveStep(check: Check, spec: WholeDomainSpec): WholeDomainReport {
  const started: WholeDomainReport = { verdict: 'error', domain: spec.domain, method: 'boxes', boxes: 0, deepestSplit: 0, ...(spec.expectFailure ? { expectFailure: true } : {}) };
  const premises = (spec.abstract ?? []).map((a) => a.premise);
  if (premises.length) started.premises = premises;
  const setups = pieceSetups(spec, check.relation);
  if (typeof setups === 'string') return { ...started, message: setups };
  const budget = spec.budget ?? DEFAULT_BUDGET;
  const methods = new Set<string>();
  let boxes = 0;
  let depth = 0;
  let provedShare = 0;
  const open: string[] = [];
  let openCount = 0;
  let partial = false;
  for (const piece of setups) {
    const r = reducePiece(check, piece);
    if (r.kind === 'not-reduced') return spec.failingSet ? fromFailingSet({ ...started, boxes, message: r.reason }, check, spec) : { ...started, boxes, message: r.reason };
    if (r.kind === 'not-identity') return withFailingSet({ ...started, boxes, verdict: 'refuted', method: 'exact algebra', message: 'the two sides are not the same function: their difference does not normalise to 0' }, check, spec);
    const goals: Goal[] = [...r.obligations, ...(r.kind === 'goal' ? [r.goal] : [])];
    boxes += r.sideBoxes;
    if (r.sideBoxes) methods.add('side conditions by boxes');
    for (const where of r.definedWhere) if (!(started.premises ??= []).includes(`where defined: ${where}`)) started.premises.push(`where defined: ${where}`);
    const direct = r.kind === 'goal' && r.goal.lhs === check.lhs;
    methods.add(r.kind === 'identity' ? 'exact algebra' : r.termwise ? 'termwise, boxes' : direct ? 'boxes' : 'exact algebra, boxes');
    let pieceShare = 1;
    for (const goal of goals) {
      const result: SearchResult = branchAndBound(goal, piece.variables, undefined, budget);
      boxes += result.boxes;
      if (result.kind === 'refuted' || result.kind === 'undefined') {
        const isObligation = goal !== (r.kind === 'goal' ? r.goal : null);
        const report: WholeDomainReport = {
          ...started,
          verdict: result.kind === 'refuted' && !isObligation ? 'refuted' : 'undefined',
          method: [...methods].join('; '),
          boxes,
          deepestSplit: depth,
          ...(result.kind === 'refuted' ? { counterexample: { point: result.point, lhs: result.lhs, rhs: result.rhs, precision: result.precision } } : {}),
          message: result.kind === 'undefined' ? `undefined at ${JSON.stringify(result.point)}: ${result.message}` : isObligation ? 'a definedness condition fails' : undefined,
        };
        return withFailingSet(report, check, spec);
      }
      depth = Math.max(depth, result.depth);
      if (result.kind === 'partial') {
        partial = true;
        pieceShare = Math.min(pieceShare, result.proved);
        open.push(...result.open);
        openCount += result.openCount;
      }
    }
    provedShare += pieceShare * piece.weight;
  }
  const method = [...methods].join('; ');
  if (spec.integral && !partial) {
    const lowest = lowestPiece(spec, setups);
    if (!lowest || !vanishesAtLowerEnd(spec.integral.closedForm.node, lowest.setup, lowest.variable)) {
      return { ...started, verdict: 'error', method, boxes, deepestSplit: depth, message: 'the closed form was not shown to vanish at the lower end of the range, so it is not shown to be the integral' };
    }
    const limit = lowest.variable === lowest.of ? `${lowest.of} → 0⁺` : `${lowest.of} → 0⁺ (${lowest.variable} = log ${lowest.of} → −∞)`;
    (started.premises ??= []).push(`proved: the closed form → 0 as ${limit}; so ${spec.integral.reads} (fundamental theorem of calculus)`);
  }
  if (partial) return withFailingSet({ ...started, verdict: 'partial', method, boxes, deepestSplit: depth, provedShare: Math.min(provedShare, 0.999), openBoxes: open.slice(0, 5), openCount }, check, spec);
  return { ...started, verdict: 'proved', method, boxes, deepestSplit: depth };
}

/**
 * A step that only its failing set decides (it reads data beyond the scalars): refuted when the declared
 * sufficient condition for failure is certified on some stretch, with the condition's reason as its premise.
 */
function fromFailingSet(report: WholeDomainReport, check: Check, spec: WholeDomainSpec): WholeDomainReport {
  const out = withFailingSet(report, check, spec);
  const fails = out.failingSet?.stretches.some((s) => s.kind === 'fails') ?? false;
  const why = spec.failingSet?.condition?.why;
  return {
    ...out,
    verdict: fails ? 'refuted' : out.verdict,
    method: 'failing set',
    boxes: out.boxes + (out.failingSet?.boxes ?? 0),
    message: fails ? `the step reads data beyond the scalars; it fails wherever the certified condition holds${why ? `, since ${why}` : ''}` : out.message,
  };
}

function withFailingSet(report: WholeDomainReport, check: Check, spec: WholeDomainSpec): WholeDomainReport {
  let out = report;
  const messages: string[] = [];
  const further: NonNullable<WholeDomainReport['failingSets']> = [];
  for (const [k, fs] of [spec.failingSet, ...(spec.failingSets ?? [])].entries()) {
    if (!fs) continue;
    const set = scanFailingSet(check, spec, fs);
    if (typeof set === 'string') messages.push(`failing set${k ? ` ${k + 1}` : ''}: ${set}`);
    else if (k === 0) out = { ...out, failingSet: set };
    else further.push(set);
  }
  if (further.length) out = { ...out, failingSets: further };
  return messages.length ? { ...out, message: [out.message, ...messages].filter(Boolean).join('; ') } : out;
}
