import { Decimal } from 'decimal.js';

/** The typographic minus, as in "3.2e−4": it reads as mathematics, not as a hyphen. */
const MINUS = '−';

const Dec = Decimal.clone({ precision: 120 });

/**
 * 3 significant digits, fixed notation between 1e−3 and 1e5, otherwise "3.2e−4".
 * `down` rounds toward −∞: for certified lower bounds (slack, violation) the
 * printed number must not claim more than was proved; `up` rounds toward +∞, for certified upper bounds.
 */
export function formatNumber(x: number | null | undefined, rounding: 'nearest' | 'down' | 'up' = 'nearest'): string {
  if (x === null || x === undefined) return '—';
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return `${MINUS}∞`;
  if (x === 0) return '0';
  // toPrecision(100) is exact enough that directed rounding to 3 digits is never fooled.
  const exact = new Dec(x.toPrecision(100));
  const rounded = exact.toSignificantDigits(3, rounding === 'down' ? Decimal.ROUND_FLOOR : rounding === 'up' ? Decimal.ROUND_CEIL : Decimal.ROUND_HALF_EVEN);
  return formatDecimal(rounded);
}

function formatDecimal(d: Decimal): string {
  const magnitude = d.abs();
  const fixed = magnitude.gte('1e-3') && magnitude.lt('1e5');
  const text = fixed ? d.toFixed() : d.toExponential().replace('e+', 'e');
  return text.replace(/-/g, MINUS);
}

/** An enclosure printed as "[lo, hi]". */
export function formatInterval([lo, hi]: readonly [string, string]): string {
  return `[${lo.replace(/-/g, MINUS)}, ${hi.replace(/-/g, MINUS)}]`;
}

type Order = 'below' | 'above' | 'overlap';

function order(a: readonly Decimal[], b: readonly Decimal[]): Order {
  if (a[1].lt(b[0])) return 'below';
  if (b[1].lt(a[0])) return 'above';
  return 'overlap';
}

function outward(bounds: readonly [string, string], digits: number): [Decimal, Decimal] {
  return [
    new Dec(bounds[0]).toSignificantDigits(digits, Decimal.ROUND_FLOOR),
    new Dec(bounds[1]).toSignificantDigits(digits, Decimal.ROUND_CEIL),
  ];
}

/**
 * Both sides' enclosures, shortened by rounding outward (still valid enclosures)
 * to the fewest digits, from 4, that keep them ordered as the exact bounds are:
 * disjoint enclosures stay visibly disjoint however close they are.
 */
export function formatEnclosurePair(lhs: readonly [string, string], rhs: readonly [string, string]): [string, string] {
  let exactL: Decimal[];
  let exactR: Decimal[];
  try {
    exactL = lhs.map((s) => new Dec(s));
    exactR = rhs.map((s) => new Dec(s));
  } catch {
    return [formatInterval(lhs), formatInterval(rhs)];
  }
  if ([...exactL, ...exactR].some((d) => d.isNaN())) return [formatInterval(lhs), formatInterval(rhs)];
  const target = order(exactL, exactR);
  const longest = Math.max(...[...exactL, ...exactR].map((d) => (d.isFinite() ? d.sd() : 1)));
  for (let digits = 4; digits < longest; digits++) {
    const l = outward(lhs, digits);
    const r = outward(rhs, digits);
    if (order(l, r) === target) return [interval(l), interval(r)];
  }
  return [interval(exactL), interval(exactR)];
}

function interval([lo, hi]: readonly Decimal[]): string {
  return `[${formatBound(lo)}, ${formatBound(hi)}]`;
}

function formatBound(d: Decimal): string {
  if (!d.isFinite()) return d.isNegative() ? `${MINUS}∞` : '∞';
  if (d.isZero()) return '0';
  return formatDecimal(d);
}
