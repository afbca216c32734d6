import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIBM_CASES, libmSelfTest } from '../../src/arithmetic/libm-self-test.js';
import { nextUp } from '../../src/arithmetic/rounding.js';

/**
 * The start-up self-test of Math.exp/expm1/log/log1p: it passes on this
 * engine, catches an engine that is off by one ulp more than assumed on any
 * of its cases, and runs before the first float-interval elementary function.
 */

const engine = { exp: Math.exp, expm1: Math.expm1, log: Math.log, log1p: Math.log1p };
type Name = keyof typeof engine;

describe('libm self-test', () => {
  const realExp = Math.exp;
  afterEach(() => {
    Math.exp = realExp;
    vi.resetModules();
  });

  it('passes on this engine', () => {
    expect(libmSelfTest()).toBeNull();
  });

  it('fails, in one line naming the function and argument, when any single case is 2 ulps off', () => {
    for (const name of Object.keys(LIBM_CASES) as Name[]) {
      for (const bad of LIBM_CASES[name]) {
        const off = { ...engine, [name]: (x: number) => (x === bad ? nextUp(nextUp(engine[name](x))) : engine[name](x)) };
        const message = libmSelfTest(off);
        expect(message, `Math.${name}(${bad})`).toMatch(new RegExp(`^libm self-test failed: Math\\.${name}\\(`));
        expect(message).not.toContain('\n');
      }
    }
  });

  it('runs before the first float-interval elementary function and stops it', async () => {
    Math.exp = (x: number) => nextUp(nextUp(realExp(x)));
    vi.resetModules();
    const { exp } = await import('../../src/arithmetic/elementary.js');
    expect(() => exp({ lo: 1, hi: 2 })).toThrow(/^libm self-test failed: Math\.exp/);
  });
});
