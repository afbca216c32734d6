import { E } from '../../src/language/builder.js';
import type { Expr } from '../../src/language/expr.js';
import type { ChainSpec, LemmaSpec, StepSpec } from '../../src/language/lemma.js';
import { print } from '../../src/language/print.js';
import type { Relation } from '../../src/checker/report.js';

/** The node with its children replaced (same kind, same fields otherwise). */
function withChildren(e: Expr, map: (c: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'const':
    case 'param':
    case 'index':
    case 'closure':
      return e;
    case 'unary':
    case 'reduce':
    case 'pow':
      return { ...e, arg: map(e.arg) };
    case 'binary':
    case 'inner':
      return { ...e, left: map(e.left), right: map(e.right) };
    case 'fold':
    case 'rows':
      return { ...e, from: map(e.from), to: map(e.to), body: map(e.body) };
    case 'at':
      return { ...e, arg: map(e.arg), indices: e.indices.map(map) };
    case 'call':
      return { ...e, args: e.args.map(map) };
    case 'named':
      return { ...e, body: map(e.body) };
    case 'grad':
      return { ...e, at: map(e.at), body: map(e.body) };
  }
}

/** Replaces the first node (pre-order) that prints as `target`; throws if there is none. */
export function rewrite(e: E, target: string, replace: (node: Expr) => Expr): E {
  let done = false;
  const walk = (node: Expr): Expr => {
    if (done) return node;
    if (print(node) === target) {
      done = true;
      return replace(node);
    }
    return withChildren(node, walk);
  };
  const out = walk(e.node);
  if (!done) throw new Error(`no sub-expression prints as ${target} in ${print(e.node)}`);
  return new E(out, e.bases);
}

/** Drops one factor of a product: a·b → b (or a). */
export const dropFactor = (keep: 'left' | 'right') => (node: Expr): Expr => {
  if (node.kind !== 'binary' || node.op !== 'mul') throw new Error(`not a product: ${print(node)}`);
  return keep === 'left' ? node.left : node.right;
};

/** a − b → a + b. */
export const flipSign = (node: Expr): Expr => {
  if (node.kind !== 'binary' || node.op !== 'sub') throw new Error(`not a difference: ${print(node)}`);
  return { ...node, op: 'add' };
};

const FLIPPED: Record<Relation, Relation> = { '≤': '≥', '≥': '≤', '<': '>', '>': '<', '=': '=' };

type Item = StepSpec | ChainSpec;

/**
 * A copy of the lemma with one step changed, keeping only that step (the
 * others are unchanged and would only cost time), without relaxations.
 */
export function mutant(spec: LemmaSpec, stepId: string, change: (step: StepSpec) => StepSpec, runs: number): LemmaSpec {
  const step = spec.proof.find((s: Item) => s.id === stepId && !('links' in s)) as StepSpec | undefined;
  if (!step) throw new Error(`no plain step ${stepId}`);
  // Whole-domain declarations name steps the mutant no longer has.
  const wholeDomain = spec.wholeDomain?.[stepId] ? { [stepId]: spec.wholeDomain[stepId] } : undefined;
  return { ...spec, id: `${spec.id}-mutant-${stepId}`, proof: [change(step)], relaxations: [], runs, wholeDomain };
}

export function flipRelation(step: StepSpec): StepSpec {
  return { ...step, relation: FLIPPED[step.relation] };
}
