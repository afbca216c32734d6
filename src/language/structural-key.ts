import { children, type Expr } from './expr.js';

/**
 * Structural identity of expressions, for sharing evaluations between trees
 * that compute the same thing: a step compiled from the notes and its
 * hand-built transcription, or R̂(W_i) written out in several steps.
 *
 * Two nodes get the same `id` exactly when they are the same computation up
 * to the names of their index variables: same kinds, operators, literals
 * (value and exact text), parameter names, model functions (by identity) and
 * children, with bound indices renamed consistently. `free` lists the node's
 * free index names in a canonical order (first occurrence), so the node's
 * value is a function of `id` and the values of `free`, in that order.
 * Labels (named nodes, parameter labels) only print, so they are ignored.
 */
export interface StructuralKey {
  readonly id: number;
  readonly free: readonly string[];
}

const interned = new Map<string, number>();
const keys = new WeakMap<Expr, StructuralKey>();
const functionIds = new WeakMap<object, number>();

const intern = (text: string): number => {
  let id = interned.get(text);
  if (id === undefined) interned.set(text, (id = interned.size + 1));
  return id;
};

let nextFunctionId = 0;
const identityOf = (o: object): number => {
  let id = functionIds.get(o);
  if (id === undefined) functionIds.set(o, (id = ++nextFunctionId));
  return id;
};

/** What a node is besides its children. */
function head(e: Expr): string {
  switch (e.kind) {
    case 'const':
      return `c:${Object.is(e.value, -0) ? '-0' : String(e.value)}:${e.text === undefined ? '' : `"${e.text}"`}`;
    case 'param':
      return `p:${e.name}`;
    case 'index':
      return 'i';
    case 'unary':
    case 'reduce':
    case 'binary':
      return `${e.kind}:${e.op}`;
    case 'pow':
      return `pow:${e.n}`;
    case 'inner':
      return 'inner';
    case 'fold':
      return `fold:${e.op}`;
    case 'rows':
      return 'rows';
    case 'at':
      return `at:${e.bases.join(',')}`;
    case 'call':
      return `call:${identityOf(e.fn)}`;
    case 'grad':
      return `grad:${e.variable}`;
    case 'closure':
      return `closure:${identityOf(e.fn)}`;
    case 'named':
      return 'named';
  }
}

export function structuralKey(e: Expr): StructuralKey {
  const known = keys.get(e);
  if (known) return known;
  let key: StructuralKey;
  if (e.kind === 'named') key = structuralKey(e.body);
  else if (e.kind === 'index') key = { id: intern('i'), free: [e.name] };
  else {
    const bound = e.kind === 'fold' || e.kind === 'rows' ? e.index : undefined;
    const kids = children(e);
    const free: string[] = [];
    const position = (name: string): number => {
      let k = free.indexOf(name);
      if (k < 0) k = free.push(name) - 1;
      return k;
    };
    const parts = [head(e)];
    kids.forEach((child, k) => {
      const sub = structuralKey(child);
      // The body of a fold or rows is its last child; its bound index is wired to the binder, not to a free slot.
      const isBody = bound !== undefined && k === kids.length - 1;
      const wiring = sub.free.map((name) => (isBody && name === bound ? 'b' : String(position(name))));
      parts.push(`${sub.id}[${wiring.join(',')}]`);
    });
    key = { id: intern(parts.join('|')), free };
  }
  keys.set(e, key);
  return key;
}
