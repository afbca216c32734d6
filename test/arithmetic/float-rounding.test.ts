import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../fuzz.js';
import {
  ETA,
  MAX,
  addDown,
  addUp,
  binaryValue,
  divDown,
  divUp,
  downCheap,
  exactDecimalString,
  mulDown,
  mulUp,
  nextDown,
  nextUp,
  sqrtDown,
  sqrtUp,
  subDown,
  subUp,
  upCheap,
} from '../../src/arithmetic/rounding.js';
import { cmpDouble, dAdd, dMul, dNeg, dyadic, ulpsBetween } from './float-reference.js';
import { finiteDouble, params } from './float-generators.js';

describe('nextUp / nextDown', () => {
  it('step to the neighbouring double', () => {
    expect(nextUp(0)).toBe(ETA);
    expect(nextUp(-0)).toBe(ETA);
    expect(nextDown(0)).toBe(-ETA);
    expect(nextUp(1)).toBe(1 + 2 ** -52);
    expect(nextDown(1)).toBe(1 - 2 ** -53);
    expect(nextUp(MAX)).toBe(Infinity);
    expect(nextDown(-MAX)).toBe(-Infinity);
    expect(nextUp(-Infinity)).toBe(-MAX);
    expect(nextUp(Infinity)).toBe(Infinity);
    expect(Object.is(nextUp(-ETA), -0)).toBe(true);
    expect(nextUp(nextDown(2 ** -1022))).toBe(2 ** -1022);
  });

  it('are exact: one lattice step, nothing in between', () => {
    fc.assert(
      fc.property(finiteDouble, (x) => {
        const u = nextUp(x);
        const d = nextDown(x);
        return u > x && d < x && ulpsBetween(x, u) === 1 && ulpsBetween(d, x) === 1;
      }),
      params(),
    );
  });
});

describe('cheap bounds (Rump, Zimmermann, Boldo, Melquiond 2009)', () => {
  it('reach past the neighbours of every finite double', () => {
    fc.assert(
      fc.property(finiteDouble, (c) => {
        return downCheap(c) <= nextDown(c) && upCheap(c) >= nextUp(c);
      }),
      params(),
    );
  });

  it('are at most two steps out for normal numbers', () => {
    fc.assert(
      fc.property(finiteDouble, (c) => {
        if (Math.abs(c) < 2 ** -1000 || Math.abs(c) > 2 ** 1000) return true;
        return ulpsBetween(downCheap(c), c) <= 2 && ulpsBetween(c, upCheap(c)) <= 2;
      }),
      params(),
    );
  });
});

/** The directed result r of exact value v is the tightest: r on the right side of v and its neighbour on the other. */
function tightDown(r: number, v: ReturnType<typeof dyadic>): boolean {
  return cmpDouble(r, v) <= 0 && (r === MAX ? true : cmpDouble(nextUp(r), v) > 0);
}

function tightUp(r: number, v: ReturnType<typeof dyadic>): boolean {
  return cmpDouble(r, v) >= 0 && (r === -MAX ? true : cmpDouble(nextDown(r), v) < 0);
}

describe('tight directed operations', () => {
  it('add/sub round to the neighbouring doubles of the exact sum', () => {
    fc.assert(
      fc.property(finiteDouble, finiteDouble, (a, b) => {
        const s = dAdd(dyadic(a), dyadic(b));
        const d = dAdd(dyadic(a), dNeg(dyadic(b)));
        return tightDown(addDown(a, b), s) && tightUp(addUp(a, b), s) && tightDown(subDown(a, b), d) && tightUp(subUp(a, b), d);
      }),
      params(),
    );
  });

  it('mul rounds to the neighbouring doubles of the exact product', () => {
    fc.assert(
      fc.property(finiteDouble, finiteDouble, (a, b) => {
        const p = dMul(dyadic(a), dyadic(b));
        return tightDown(mulDown(a, b), p) && tightUp(mulUp(a, b), p);
      }),
      params(),
    );
  });

  it('div rounds to the neighbours of the exact quotient', () => {
    fc.assert(
      fc.property(finiteDouble, finiteDouble, (a, b) => {
        if (b === 0) return true;
        // r ≤ a/b ⇔ r·b ≤ a for b > 0 (reversed for b < 0).
        const s = Math.sign(b);
        const below = (r: number) => r === -Infinity || s * cmpDouble(a, dMul(dyadic(r), dyadic(b))) >= 0;
        const above = (r: number) => r === Infinity || s * cmpDouble(a, dMul(dyadic(r), dyadic(b))) <= 0;
        const lo = divDown(a, b);
        const hi = divUp(a, b);
        const loTight = lo === MAX || !below(nextUp(lo)) || cmpDouble(a, dMul(dyadic(nextUp(lo)), dyadic(b))) === 0;
        const hiTight = hi === -MAX || !above(nextDown(hi)) || cmpDouble(a, dMul(dyadic(nextDown(hi)), dyadic(b))) === 0;
        return below(lo) && above(hi) && loTight && hiTight && ulpsBetween(lo, hi) <= 1;
      }),
      params(),
    );
  });

  it('sqrt rounds to the neighbours of the exact root', () => {
    fc.assert(
      fc.property(finiteDouble, (x) => {
        const a = Math.abs(x);
        const lo = sqrtDown(a);
        const hi = sqrtUp(a);
        const sq = (r: number) => dMul(dyadic(r), dyadic(r));
        return cmpDouble(a, sq(lo)) >= 0 && cmpDouble(a, sq(hi)) <= 0 && ulpsBetween(lo, hi) <= 1;
      }),
      params(),
    );
  });

  it('treats finite overflow as a finite real beyond MAX_VALUE and infinite operands as exact', () => {
    expect(addDown(MAX, MAX)).toBe(MAX);
    expect(addUp(MAX, MAX)).toBe(Infinity);
    expect(addUp(-MAX, -MAX)).toBe(-MAX);
    expect(addDown(-MAX, -MAX)).toBe(-Infinity);
    expect(addDown(Infinity, 1)).toBe(Infinity);
    expect(mulDown(1e200, 1e200)).toBe(MAX);
    expect(mulUp(-1e200, 1e200)).toBe(-MAX);
    expect(mulDown(0, Infinity)).toBe(0);
    expect(mulUp(-Infinity, 0)).toBe(0);
    expect(mulDown(2, Infinity)).toBe(Infinity);
    expect(divDown(1e300, 1e-300)).toBe(MAX);
    expect(divUp(1, Infinity)).toBe(0);
    expect(mulUp(ETA, 0.5)).toBe(ETA);
    expect(mulDown(ETA, 0.5)).toBe(0);
    expect(divDown(ETA, 3)).toBe(0);
  });
});

describe('exactDecimalString', () => {
  // The plain construction: m · 2^e = m · 5^-e / 10^-e, trailing zeros cut.
  const reference = (x: number): string => {
    if (x === 0) return Object.is(x, -0) ? '-0' : '0';
    const { m, e } = binaryValue(x);
    const sign = m < 0n ? '-' : '';
    const mag = m < 0n ? -m : m;
    if (e >= 0) return sign + (mag << BigInt(e)).toString();
    const digits = (mag * 5n ** BigInt(-e)).toString().padStart(-e + 1, '0');
    const point = digits.length + e;
    const frac = digits.slice(point).replace(/0+$/, '');
    return sign + digits.slice(0, point) + (frac ? '.' + frac : '');
  };
  it('agrees with the plain construction on every kind of double (and again from its cache)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(exactDecimalString(x)).toBe(reference(x));
        expect(exactDecimalString(x)).toBe(reference(x));
      }),
      fuzz(2000, 1501),
    );
    for (const x of [1, -3, 2 ** 52, 2 ** 53, 2 ** 53 + 2, 0.5, 2 ** -1074, 1.5 * 2 ** -1073, 2 ** -52, 3 * 2 ** -1, 2 ** 60 + 2 ** 8]) expect(exactDecimalString(x)).toBe(reference(x));
  });

  it('prints the exact binary value', () => {
    expect(exactDecimalString(0.1)).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(exactDecimalString(-2.5)).toBe('-2.5');
    expect(exactDecimalString(2 ** 70)).toBe('1180591620717411303424');
    expect(exactDecimalString(-0)).toBe('-0');
    expect(exactDecimalString(ETA)).toMatch(/^0\.0{323}4940656458412465441765687928682213723650598026143247644255856825006755072702087518652998363616359923797965646954457177309266567103559397963987747960107818781263007131903114045278458171678489821036887186360569987307230500063874091535649843873124733972731696151400317153853980741262385655911710266585566867681870395603106249319452715914924553293054565444011274801297099995419319894090804165633245247571478690147267801593552386115501348035264934720193790268107107491703332226844753335720832431936092382893458368060106011506169809753078342277318329247904982524730776375927247874656084778203734469699533647017972677717585125660551199131504891101451037862738167250955837389733598993664809941164205702637090279242767544565229087538682506419718265533447265625$/);
  });
});
