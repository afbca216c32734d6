import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLemma } from '../../src/checker/check-lemma.js';
import { compactReplayPath, expandReplayPath } from '../../src/checker/replay-path.js';
import type { Lemma } from '../../src/language/lemma.js';
import thm101 from '../../proofs/thm-10.1.js';
import { fuzz } from '../fuzz.js';

describe('compact replay paths', () => {
  it('write runs of one step as VxN, and expand back to fast-check’s path', () => {
    const zeros = Array(67).fill('0').join(':');
    expect(compactReplayPath(zeros)).toBe('0x67');
    expect(compactReplayPath(`12:${zeros}:3:3`)).toBe('12:0x67:3:3');
    expect(compactReplayPath('5:1')).toBe('5:1');
    expect(expandReplayPath('12:0x3:1')).toBe('12:0:0:0:1');
    expect(expandReplayPath('7')).toBe('7');
  });

  it('round-trip every path', () => {
    const path = fc.array(fc.oneof(fc.nat(3), fc.nat(300)), { minLength: 1, maxLength: 200 }).map((steps) => steps.join(':'));
    fc.assert(
      fc.property(path, (p) => {
        expect(expandReplayPath(compactReplayPath(p))).toBe(p);
        expect(compactReplayPath(expandReplayPath(compactReplayPath(p)))).toBe(compactReplayPath(p));
      }),
      fuzz(500, 9),
    );
  });

  it('refuse a part that is neither a step nor a run, in one line', () => {
    for (const bad of ['', '1::2', '0x', 'x3', '0x0', '1:a', '0x-1']) expect(() => expandReplayPath(bad)).toThrow(/^'[^']*' in replay path '[^']*' is neither a number nor a run VxN/);
  });
});

describe('replaying by seed and a shortened path', () => {
  it('the report’s compact path reproduces the same counterexample as fast-check’s long path', async () => {
    const lemma = [thm101].flat()[0] as Lemma;
    const step = lemma.checks.find((c) => c.expect)!;
    const full = await checkLemma(lemma, { seed: 20261128, runs: 8 });
    const cx = full.steps.find((s) => s.id === step.id)!.counterexample!;
    expect(cx.replay.path).toBe(compactReplayPath(cx.replay.path));
    expect(cx.replay.command).toContain(`--replay ${cx.replay.path} `);
    const replay = async (path: string) => (await checkLemma(lemma, { seed: 20261128, replay: { path, step: step.id } })).steps[0];
    const [short, long] = [await replay(cx.replay.path), await replay(expandReplayPath(cx.replay.path))];
    expect(short.verdict).toBe('refuted');
    expect(short.counterexample!.instance).toEqual(cx.instance);
    expect(long.counterexample).toEqual(short.counterexample);
    expect(short.counterexample!.replay.path).toBe(cx.replay.path);
  });
});
