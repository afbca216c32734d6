import { describe, expect, it } from 'vitest';
import { resolveColorLevel } from '../../src/cli/color-level.js';

const level = (env: NodeJS.ProcessEnv, isTTY: boolean, colorFlag = true) => resolveColorLevel({ colorFlag, env, isTTY });

describe('colour level', () => {
  it('is off when the output is not a terminal', () => {
    expect(level({}, false)).toBe(0);
  });

  it('is off with --no-color, whatever the environment says', () => {
    expect(level({ FORCE_COLOR: '3' }, true, false)).toBe(0);
  });

  it('honours NO_COLOR (when non-empty) on a terminal', () => {
    expect(level({ NO_COLOR: '1', TERM: 'xterm-256color' }, true)).toBe(0);
  });

  it('honours FORCE_COLOR, even off a terminal and over NO_COLOR', () => {
    expect(level({ FORCE_COLOR: '1' }, false)).toBe(1);
    expect(level({ FORCE_COLOR: '' }, false)).toBe(1);
    expect(level({ FORCE_COLOR: '2', NO_COLOR: '1' }, false)).toBe(2);
    expect(level({ FORCE_COLOR: '0' }, true)).toBe(0);
    expect(level({ FORCE_COLOR: 'false' }, true)).toBe(0);
    expect(level({ FORCE_COLOR: '9' }, false)).toBe(3);
  });
});
