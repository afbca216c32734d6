import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expRelaxed, logRelaxed } from '../../src/arithmetic/elementary.js';
import {
  type MaybeEmpty,
  abs,
  add,
  divRelaxed,
  max,
  min,
  mul,
  neg,
  powIntRelaxed,
  sqr,
  sqrtRelaxed,
  sub,
} from '../../src/arithmetic/interval.js';
import { packageInterval } from '../../src/arithmetic/package-interval.js';
import { type ItlCase, containsSet, intervalArg, numberArg, parseItl, sameSet, showSet } from './itf1788.js';

/**
 * IEEE 1788 conformance (ITF1788 vectors, libieeep1788 elementary functions):
 * containment (soundness) must be 100% for our intervals; tightness (equal to
 * the tightest enclosure) is scored. The same cases score the
 * interval-arithmetic package. Decorated cases are skipped; the empty set is
 * lifted generically (every operation here maps an empty argument to empty).
 *
 * The vectors are third-party data kept outside the repository:
 * LEMMACHECK_ITF1788_DIR names their folder (default ../shared/itf1788 beside
 * the repository). Without them the suite is skipped with a note, except
 * where it must run: in CI (CI=true) or when the variable is set, a missing
 * file fails.
 */

type Impl = (args: ItlCase['args']) => MaybeEmpty;

const lift1 =
  (f: (a: NonNullable<MaybeEmpty>) => MaybeEmpty): Impl =>
  (args) => {
    const a = intervalArg(args[0]);
    return a === null ? null : f(a);
  };

const lift2 =
  (f: (a: NonNullable<MaybeEmpty>, b: NonNullable<MaybeEmpty>) => MaybeEmpty): Impl =>
  (args) => {
    const a = intervalArg(args[0]);
    const b = intervalArg(args[1]);
    return a === null || b === null ? null : f(a, b);
  };

const ours: Record<string, Impl> = {
  add: lift2(add),
  sub: lift2(sub),
  mul: lift2(mul),
  div: (args) => divRelaxed(intervalArg(args[0]), intervalArg(args[1])),
  neg: lift1(neg),
  abs: lift1(abs),
  min: lift2(min),
  max: lift2(max),
  sqr: lift1(sqr),
  sqrt: (args) => sqrtRelaxed(intervalArg(args[0])),
  exp: (args) => expRelaxed(intervalArg(args[0])),
  log: (args) => logRelaxed(intervalArg(args[0])),
  pown: (args) => powIntRelaxed(intervalArg(args[0]), numberArg(args[1])),
};

const P = packageInterval;
const pkg: Record<string, Impl> = {
  add: (a) => P.add(intervalArg(a[0]), intervalArg(a[1])),
  sub: (a) => P.sub(intervalArg(a[0]), intervalArg(a[1])),
  mul: (a) => P.mul(intervalArg(a[0]), intervalArg(a[1])),
  div: (a) => P.div(intervalArg(a[0]), intervalArg(a[1])),
  neg: (a) => P.neg(intervalArg(a[0])),
  abs: (a) => P.abs(intervalArg(a[0])),
  min: (a) => P.min(intervalArg(a[0]), intervalArg(a[1])),
  max: (a) => P.max(intervalArg(a[0]), intervalArg(a[1])),
  sqr: (a) => P.sqr(intervalArg(a[0])),
  sqrt: (a) => P.sqrt(intervalArg(a[0])),
  exp: (a) => P.exp(intervalArg(a[0])),
  log: (a) => P.log(intervalArg(a[0])),
  pown: (a) => P.powInt(intervalArg(a[0]), numberArg(a[1])),
};

interface Score {
  cases: number;
  contained: number;
  tight: number;
  errors: number;
  failures: string[];
}

function score(impl: Record<string, Impl>, cases: ItlCase[]): Record<string, Score> {
  const scores: Record<string, Score> = {};
  for (const c of cases) {
    const s = (scores[c.op] ??= { cases: 0, contained: 0, tight: 0, errors: 0, failures: [] });
    s.cases++;
    const expected = intervalArg(c.expected[0]);
    let got: MaybeEmpty;
    try {
      got = impl[c.op](c.args);
    } catch (e) {
      s.errors++;
      s.failures.push(`${c.text}  threw ${(e as Error).message}`);
      continue;
    }
    if (containsSet(got, expected)) s.contained++;
    else s.failures.push(`${c.text}  got ${showSet(got)}`);
    if (sameSet(got, expected)) s.tight++;
  }
  return scores;
}

function totals(scores: Record<string, Score>): Omit<Score, 'failures'> {
  const t = { cases: 0, contained: 0, tight: 0, errors: 0 };
  for (const s of Object.values(scores)) {
    t.cases += s.cases;
    t.contained += s.contained;
    t.tight += s.tight;
    t.errors += s.errors;
  }
  return t;
}

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const vectorsDir = process.env.LEMMACHECK_ITF1788_DIR || resolve(repositoryRoot, '../shared/itf1788');
const vectorsFile = join(vectorsDir, 'libieeep1788_elem.itl');
const required = process.env.CI === 'true' || Boolean(process.env.LEMMACHECK_ITF1788_DIR);
const SUITE = 'IEEE 1788 conformance (ITF1788 libieeep1788_elem)';

if (existsSync(vectorsFile)) describe(SUITE, () => conformanceSuite(readFileSync(vectorsFile, 'utf8')));
else if (required) {
  describe(SUITE, () => {
    it('finds the ITF1788 vectors', () => {
      throw new Error(`ITF1788 vectors not found at ${vectorsFile} (required: CI=true or LEMMACHECK_ITF1788_DIR is set)`);
    });
  });
} else {
  const reason = `ITF1788 conformance skipped: no ${vectorsFile}; set LEMMACHECK_ITF1788_DIR to the folder with libieeep1788_elem.itl to run it`;
  console.warn(reason);
  describe.skip(`${SUITE}: ${reason}`, () => {
    it('contains the exact result in every case', () => undefined);
  });
}

function conformanceSuite(source: string): void {
  const all = parseItl(source);
  const cases = all.filter((c) => !c.decorated && c.op in ours);

  it('parses the vectors', () => {
    expect(all.length).toBeGreaterThan(3500);
    expect(cases.length).toBeGreaterThan(700);
    for (const op of Object.keys(ours)) expect(cases.some((c) => c.op === op), op).toBe(true);
  });

  const oursScores = score(ours, cases);
  const pkgScores = score(pkg, cases);

  it('contains the exact result in every case (ours)', () => {
    const failures = Object.values(oursScores).flatMap((s) => s.failures);
    expect(failures).toEqual([]);
  });

  it('is tightest for the correctly rounded operations', () => {
    // Everything but exp/log (Math.* widened by 2 ulps) is computed with exact directed rounding.
    for (const op of ['add', 'sub', 'mul', 'div', 'neg', 'abs', 'min', 'max', 'sqr', 'sqrt', 'pown']) {
      expect(oursScores[op].tight, op).toBe(oursScores[op].cases);
    }
  });

  it('prints the scores side by side', () => {
    const table = (scores: Record<string, Score>) =>
      Object.fromEntries(Object.entries(scores).map(([op, { failures: _f, ...s }]) => [op, s]));
    const summary = {
      source: vectorsFile,
      cases: cases.length,
      ours: { total: totals(oursScores), byOp: table(oursScores) },
      package: { total: totals(pkgScores), byOp: table(pkgScores) },
      packageFailures: Object.values(pkgScores).flatMap((s) => s.failures),
    };
    console.log(`CONFORMANCE_SUMMARY ${JSON.stringify(summary)}`);
    expect(summary.ours.total.contained).toBe(summary.cases);
  });
}
