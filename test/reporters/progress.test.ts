import { describe, expect, it } from 'vitest';
import { ProgressState } from '../../src/reporters/progress.js';

describe('the live status line', () => {
  const lemmas = [{ id: 'lemma-9.4', total: 300 }, null, { id: 'thm-10.1', total: 50 }, { id: 'margins', total: 60 }];

  it('shows lemmas finished of all, each running lemma with instances done of its total, and the time elapsed', () => {
    const state = new ProgressState(lemmas, 1000);
    expect(state.statusLine(1000, 100)).toBe('… 0/3 lemmas · 0 ms');
    state.instances(2, 'whole', 20);
    state.instances(0, 'main runs 0..49', 30);
    state.instances(0, 'main runs 50..99', 12);
    expect(state.statusLine(13_300, 100)).toBe('… 0/3 lemmas · lemma-9.4 42/300 · thm-10.1 20/50 · 12.3 s');
    state.instances(0, 'main runs 0..49', 50);
    state.finish(2);
    expect(state.statusLine(14_000, 100)).toBe('… 1/3 lemmas · lemma-9.4 62/300 · 13.0 s');
  });

  it('fits the terminal width', () => {
    const state = new ProgressState(lemmas, 0);
    state.instances(0, 'whole', 1);
    state.instances(2, 'whole', 1);
    state.instances(3, 'whole', 1);
    const line = state.statusLine(5, 30);
    expect([...line].length).toBeLessThanOrEqual(29);
    expect(line.endsWith('…')).toBe(true);
  });
});
