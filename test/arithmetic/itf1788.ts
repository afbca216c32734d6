import { Decimal } from 'decimal.js';
import type { Interval, MaybeEmpty } from '../../src/arithmetic/interval.js';

/**
 * A parser for the ITF1788 test format (IEEE 1788 conformance vectors):
 *   testcase name { op arg arg = result; … }
 * with /* … *\/ and // comments. Arguments are interval literals
 * ([a,b], [a], [empty], [entire], ends as decimals, hex floats or ±infinity)
 * or bare numbers (the exponent of pown). Decimal ends denote the nearest
 * double, as in the C++ sources these vectors were converted from (the
 * expected results are computed from those doubles: pown [0.01,2.33] 2 has
 * lower end fl↓(fl(0.01)²)); hex floats are exact. Decorated cases
 * ([…]_com, [nai]) are marked so callers can skip them.
 */

export type ItlValue = { kind: 'interval'; value: MaybeEmpty } | { kind: 'number'; value: number };

export interface ItlCase {
  readonly testcase: string;
  readonly op: string;
  readonly args: ItlValue[];
  readonly expected: ItlValue[];
  readonly decorated: boolean;
  readonly text: string;
}

/** The exact value of a hexadecimal float literal such as -0X1.FFFFFFFFFFFFFP+1023. */
function hexToDecimal(text: string): Decimal {
  const m = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?\d+)$/i.exec(text);
  if (!m) throw new SyntaxError(`itf1788: bad hex float ${text}`);
  const [, sign, int, frac = '', exp] = m;
  const mantissa = BigInt('0x' + ((int || '0') + frac));
  const e = Number(exp) - 4 * frac.length;
  const digits = e >= 0 ? (mantissa << BigInt(e)).toString() : `${(mantissa * 5n ** BigInt(-e)).toString()}e${e}`;
  return new Decimal(sign + digits);
}

function parseEnd(text: string): Decimal {
  const t = text.trim().toLowerCase();
  if (t === 'infinity' || t === '+infinity' || t === 'inf' || t === '+inf') return new Decimal(Infinity);
  if (t === '-infinity' || t === '-inf') return new Decimal(-Infinity);
  if (/^[+-]?0x/.test(t)) return hexToDecimal(t);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) throw new SyntaxError(`itf1788: bad number ${text}`);
  return new Decimal(t);
}

function parseInterval(body: string): MaybeEmpty {
  const t = body.trim().toLowerCase();
  if (t === 'empty') return null;
  if (t === 'entire') return { lo: -Infinity, hi: Infinity };
  const parts = t.split(',');
  const lo = parseEnd(parts[0]);
  const hi = parseEnd(parts.length > 1 ? parts[1] : parts[0]);
  // Hex ends are exact doubles here, so the nearest double is also the directed one.
  return { lo: lo.toNumber() + 0, hi: hi.toNumber() + 0 };
}

const TOKEN = /\[[^\]]*\](?:_[a-z]+)?|[^\s\[\]]+/gi;

function parseValues(text: string): { values: ItlValue[]; decorated: boolean } {
  const values: ItlValue[] = [];
  let decorated = false;
  for (const token of text.match(TOKEN) ?? []) {
    if (token.startsWith('[')) {
      const close = token.indexOf(']');
      const body = token.slice(1, close);
      if (close !== token.length - 1 || body.trim().toLowerCase() === 'nai') {
        decorated = true;
        continue;
      }
      values.push({ kind: 'interval', value: parseInterval(body) });
    } else {
      values.push({ kind: 'number', value: parseEnd(token).toNumber() });
    }
  }
  return { values, decorated };
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}

export function parseItl(source: string): ItlCase[] {
  const cases: ItlCase[] = [];
  const text = stripComments(source);
  const block = /testcase\s+(\w+)\s*\{([^}]*)\}/g;
  for (let b = block.exec(text); b !== null; b = block.exec(text)) {
    const testcase = b[1];
    for (const raw of b[2].split(';')) {
      const line = raw.trim();
      if (!line) continue;
      const eq = line.indexOf('=');
      if (eq < 0) throw new SyntaxError(`itf1788: no "=" in "${line}"`);
      const lhs = line.slice(0, eq).trim();
      const op = lhs.split(/\s+/)[0];
      const args = parseValues(lhs.slice(op.length));
      const rhs = line.slice(eq + 1).replace(/\bsignal\b.*$/i, '');
      const expected = parseValues(rhs);
      cases.push({
        testcase,
        op,
        args: args.values,
        expected: expected.values,
        decorated: args.decorated || expected.decorated,
        text: line,
      });
    }
  }
  return cases;
}

export function intervalArg(v: ItlValue): MaybeEmpty {
  if (v.kind !== 'interval') throw new TypeError('itf1788: expected an interval');
  return v.value;
}

export function numberArg(v: ItlValue): number {
  if (v.kind !== 'number') throw new TypeError('itf1788: expected a number');
  return v.value;
}

/** Whether `outer` contains `inner` as sets (the empty set is in everything). */
export function containsSet(outer: MaybeEmpty, inner: MaybeEmpty): boolean {
  if (inner === null) return true;
  if (outer === null) return false;
  return outer.lo <= inner.lo && inner.hi <= outer.hi;
}

export function sameSet(a: MaybeEmpty, b: MaybeEmpty): boolean {
  if (a === null || b === null) return a === b;
  return a.lo === b.lo && a.hi === b.hi;
}

export function showSet(a: MaybeEmpty): string {
  return a === null ? '[empty]' : `[${a.lo}, ${a.hi}]`;
}

export type { Interval };
