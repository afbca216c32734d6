import type { Expr } from '../language/expr.js';

const closureIds = new WeakMap<object, number>();
let nextClosure = 0;
const idOf = (o: object): number => {
  let id = closureIds.get(o);
  if (id === undefined) closureIds.set(o, (id = ++nextClosure));
  return id;
};

/** Indices print by their display name: a declared abstraction's free index i matches the i a sum binds. */
const display = (name: string): string => name.split('#')[0];

/**
 * A structural key of an expression: two trees with the same key compute the
 * same function of the same parameters (labels of named nodes are ignored,
 * model functions are told apart by name, closures by identity).
 */
export function exprKey(e: Expr): string {
  switch (e.kind) {
    case 'const':
      return e.text ?? String(e.value);
    case 'param':
      return `$${e.name}`;
    case 'index':
      return `@${display(e.name)}`;
    case 'named':
      return exprKey(e.body);
    case 'unary':
    case 'reduce':
      return `${e.op}(${exprKey(e.arg)})`;
    case 'pow':
      return `pow(${exprKey(e.arg)},${e.n})`;
    case 'binary':
      return `${e.op}(${exprKey(e.left)},${exprKey(e.right)})`;
    case 'inner':
      return `inner(${exprKey(e.left)},${exprKey(e.right)})`;
    case 'fold':
    case 'rows':
      return `${e.kind === 'fold' ? e.op : 'rows'}[${display(e.index)}=${exprKey(e.from)}..${exprKey(e.to)}](${exprKey(e.body)})`;
    case 'at':
      return `at(${exprKey(e.arg)};${e.indices.map(exprKey).join(',')};${e.bases.join(',')})`;
    case 'call':
      return `call:${e.fn.name}#${idOf(e.fn)}(${e.args.map(exprKey).join(',')})`;
    case 'grad':
      return `grad[${e.variable}](${exprKey(e.at)};${exprKey(e.body)})`;
    case 'closure':
      return `closure:${e.label}#${idOf(e.fn)}`;
  }
}

/** Parameter names an expression reads. */
export function paramsOf(e: Expr, out = new Set<string>()): Set<string> {
  if (e.kind === 'param') out.add(e.name);
  const walk = (c: Expr): void => void paramsOf(c, out);
  switch (e.kind) {
    case 'unary': case 'reduce': case 'pow': walk(e.arg); break;
    case 'binary': case 'inner': walk(e.left); walk(e.right); break;
    case 'fold': case 'rows': walk(e.from); walk(e.to); walk(e.body); break;
    case 'at': walk(e.arg); e.indices.forEach(walk); break;
    case 'call': e.args.forEach(walk); break;
    case 'named': walk(e.body); break;
    case 'grad': walk(e.at); walk(e.body); out.delete(e.variable); break;
    case 'closure': out.add(`⟪${e.label}⟫`); break;
    default: break;
  }
  return out;
}
