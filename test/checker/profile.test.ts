import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLemma } from '../../src/checker/check-lemma.js';
import { lit, param, sqr, sqrt } from '../../src/language/builder.js';
import { defineLemma, type Lemma } from '../../src/language/lemma.js';

const x = param('x');
const open = (lo: number, hi: number) => fc.double({ min: lo, max: hi, minExcluded: true, maxExcluded: true, noNaN: true });

/** x ≤ 1 holds on its own domain (0, 1) and fails on the profile's (1, 4); a relaxation that the profile does not search. */
const profiled: Lemma = defineLemma({
  id: 'profiled',
  title: 'x ≤ 1',
  source: 'test',
  runs: 30,
  hypotheses: { x: { arbitrary: open(0, 1), domain: 'x ∈ (0, 1)' } },
  proof: [
    { id: 'below-one', notes: 'x \\le 1', lhs: x, relation: '≤', rhs: lit(1), why: 'x < 1' },
    { id: 'round-trip', notes: '\\sqrt{x}^2 = x', lhs: sqr(sqrt(x)), relation: '=', rhs: x, why: 'x ≥ 0', tolerance: { rel: 0, abs: 0 } },
  ],
  relaxations: [{ hypothesis: 'x', statement: 'x < 1', relaxed: { arbitrary: open(1, 2), domain: 'x ∈ (1, 2)' } }],
  profiles: {
    wide: { description: 'x beyond 1', hypotheses: { x: { arbitrary: open(1, 4), domain: 'x ∈ (1, 4)' } }, runs: 7 },
    rough: { description: 'float intervals only', hypotheses: { x: { arbitrary: open(0, 1), domain: 'x ∈ (0, 1)' } }, runs: 5, refine: false },
  },
});

const step = (report: Awaited<ReturnType<typeof checkLemma>>, id: string) => report.steps.find((s) => s.id === id)!;

describe('--profile NAME', () => {
  it('checks the profile\'s domain with its instance count, and says so in the domain', async () => {
    const own = await checkLemma(profiled, { seed: 3 });
    const wide = await checkLemma(profiled, { seed: 3, profile: 'wide' });
    expect(step(own, 'below-one').verdict).toBe('held');
    expect(step(wide, 'below-one').verdict).toBe('refuted');
    expect(own.runs).toBe(30);
    expect(wide.runs).toBe(7);
    expect(wide.domain.x).toBe('x ∈ (1, 4)');
    expect(wide.domain.profile).toMatch(/^--profile wide: x beyond 1; counterexamples are not shrunk and relaxed hypotheses are not searched under it$/);
    expect(own.domain.profile).toBeUndefined();
  });

  it('searches no relaxed hypothesis, and reports a counterexample as found, with a replay that reproduces it', async () => {
    const own = await checkLemma(profiled, { seed: 3 });
    const wide = await checkLemma(profiled, { seed: 3, profile: 'wide' });
    expect(own.relaxations).toHaveLength(1);
    expect(wide.relaxations).toEqual([]);
    const cx = step(wide, 'below-one').counterexample!;
    // Not shrunk: the path is a run of the pass (fast-check's shrinking would append to it), the instance the run's.
    expect(cx.replay.path).toMatch(/^\d+$/);
    const replayed = await checkLemma(profiled, { seed: 3, profile: 'wide', replay: { path: cx.replay.path, step: 'below-one' } });
    expect(step(replayed, 'below-one').verdict).toBe('refuted');
    expect(step(replayed, 'below-one').counterexample?.instance).toEqual(cx.instance);
  });

  it('with refine: false checks in float intervals only, and says why an overlap stays open', async () => {
    const rough = await checkLemma(profiled, { seed: 3, profile: 'rough' });
    const roundTrip = step(rough, 'round-trip');
    expect(roundTrip.verdict).toBe('inconclusive');
    expect(roundTrip.unresolved?.precision).toBe('interval');
    expect(roundTrip.unresolved?.why).toMatch(/was not refined: this run's ladder has interval arithmetic only$/);
    expect(rough.domain.profile).toMatch(/checked in float intervals only, not refined$/);
  });

  it('a cited counterexample still replays on the lemma\'s own domain, not the profile\'s', async () => {
    // x ≥ 1/2 fails on (0, 1); the profile draws from (1, 4), where it holds. The expectation cites the own domain's counterexample.
    const spec = (path: string) => ({
      id: 'cited',
      title: 'x ≥ 1/2',
      source: 'test',
      runs: 20,
      hypotheses: { x: { arbitrary: open(0, 1), domain: 'x ∈ (0, 1)' } },
      proof: [{ id: 'half', notes: 'x \\ge 1/2', lhs: x, relation: '≥' as const, rhs: lit(0.5), why: 'a slip', expect: { refuted: 'x < 1/2 happens', counterexample: { seed: 3, path } } }],
      profiles: { wide: { description: 'x beyond 1', hypotheses: { x: { arbitrary: open(1, 4), domain: 'x ∈ (1, 4)' } }, runs: 5 } },
    });
    const found = await checkLemma(defineLemma(spec('0')), { seed: 3 });
    const path = step(found, 'half').counterexample!.replay.path;
    const wide = await checkLemma(defineLemma(spec(path)), { seed: 3, profile: 'wide', replayArgs: ['--profile', 'wide'] });
    expect(step(wide, 'half').verdict).toBe('held');
    expect(step(wide, 'half').expectation?.verdict).toBe('refuted');
    expect(step(wide, 'half').expectation?.mismatch).toBeUndefined();
    expect(step(wide, 'half').expectation?.counterexample.command).toBe(`npm run verify -- --lemma cited --seed 3 --replay ${path} --step half`);
  });

  it('an unknown profile is the lemma\'s error, naming the ones it has', async () => {
    const report = await checkLemma(profiled, { seed: 3, profile: 'huge' });
    expect(report.error).toBe("Error: lemma profiled has no profile 'huge' (it has: wide, rough)");
    expect(report.steps).toEqual([]);
  });
});
