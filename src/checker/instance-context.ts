import type { Arith } from '../arithmetic/arith.js';
import { decimalArith } from '../arithmetic/decimal-arith.js';
import { doubleDoubleArith } from '../arithmetic/double-double-arith.js';
import { floatArith } from '../arithmetic/float-arith.js';
import { intervalArith } from '../arithmetic/interval-arith.js';
import { Evaluator } from '../language/evaluate.js';
import type { Env, Instance, Lemma } from '../language/lemma.js';
import type { Precision } from './report.js';

/** The arithmetics tried in turn: floats screen, float intervals certify, double-double and then decimal intervals refine. */
export type Level = { precision: Precision; arith: Arith<unknown> };

export function ladder(digits: readonly number[]): Level[] {
  return [
    { precision: 'interval', arith: intervalArith as Arith<unknown> },
    { precision: 'double-double', arith: doubleDoubleArith as Arith<unknown> },
    ...digits.map((d) => ({ precision: `decimal-${d}` as Precision, arith: decimalArith(d) as Arith<unknown> })),
  ];
}

export const FLOAT_LEVEL: Level = { precision: 'float', arith: floatArith as Arith<unknown> };

/**
 * One instance of a lemma, with an evaluator per arithmetic built on demand.
 * Setup (e.g. a certified trajectory) runs once per arithmetic; a setup
 * failure is remembered and rethrown to every step that needs it.
 */
export class InstanceContext {
  private readonly evaluators = new Map<Precision, Evaluator<unknown> | { failed: unknown }>();
  private readonly values = new Map<Precision, Env<unknown>['values']>();
  /** Facts the setup reported, from the certified (interval) setup. */
  facts: Record<string, number> = {};

  constructor(
    readonly lemma: Lemma,
    readonly instance: Instance,
  ) {}

  evaluator(level: Level): Evaluator<unknown> {
    const key = level.precision;
    const known = this.evaluators.get(key);
    if (known) {
      if ('failed' in known) throw known.failed;
      return known;
    }
    try {
      const env: Env<unknown> = this.lemma.setup(this.instance, level.arith);
      const ev = new Evaluator(level.arith, env.values, env.ints);
      this.values.set(key, env.values);
      if (level.precision === 'interval' && env.facts) this.facts = env.facts;
      this.evaluators.set(key, ev);
      return ev;
    } catch (failed) {
      this.evaluators.set(key, { failed });
      throw failed;
    }
  }

  /** The values the setup bound at this level (some of them enclosures: a flow, a trajectory, γ̄). */
  inputs(level: Level): Env<unknown>['values'] {
    this.evaluator(level);
    return this.values.get(level.precision)!;
  }
}
