import type { Arith } from '../arithmetic/arith.js';
import type { Env, Instance } from '../language/lemma.js';
import { fromPlain, scalar } from '../language/value.js';
import { type DescentProblem, floatDescent, reluGradientDescent } from '../trajectories/relu-gradient-descent.js';
import { type ComparisonRecipe, type GdSetting, resolveComparison, someNeuronActive, toRows } from './gd-instances.js';

/**
 * From an instance { setting, eta, t, Z } of gd-instances.ts to the values a
 * lemma about the gradient-descent trajectory is checked on.
 */

export interface ResolvedInstance {
  /** Z as exact doubles. */
  Z: number[][];
  /** The horizon actually checked: t, or the first iterate where the net is dead (see below). */
  horizon: number;
  /** The float iterates W_0 … W_horizon. */
  floatIterates: Float64Array[];
}

export function descentProblem(setting: GdSetting, eta: number, steps: number): DescentProblem {
  return { X: setting.X, y: setting.y, a: setting.a, W0: setting.W0, eta, steps };
}

/**
 * The float trajectory and Z of an instance. A net that is dead (no ReLU
 * active on any x_k ≠ 0) has ∇R̂ = 0 and stays where it is; there every
 * second-term line compares 0 with 0 computed along different routes, which
 * no enclosure can decide. The horizon stops at the first dead iterate, so
 * every iterate i < horizon is alive; the reports count the cut iterates.
 */
export function resolveInstance(setting: GdSetting, eta: number, t: number, recipe: ComparisonRecipe): ResolvedInstance {
  const all = floatDescent(descentProblem(setting, eta, t));
  let horizon = t;
  for (let i = 1; i <= t; i++) {
    if (!someNeuronActive(setting.X, toRows(all[i], setting.m, setting.d))) {
      horizon = i;
      break;
    }
  }
  const floatIterates = all.slice(0, horizon + 1);
  return { Z: resolveComparison(setting, recipe, floatIterates), horizon, floatIterates };
}

/** Float trajectory and Z per instance, computed once and shared by every arithmetic. */
const resolved = new WeakMap<Instance, ResolvedInstance>();

function resolveOnce(instance: Instance): ResolvedInstance {
  let r = resolved.get(instance);
  if (!r) {
    r = resolveInstance(instance.setting as GdSetting, instance.eta as number, instance.t as number, instance.Z as ComparisonRecipe);
    resolved.set(instance, r);
  }
  return r;
}

/**
 * Setup for instances { setting, eta, t, Z }: the trajectory W_0 … W_t in the
 * given arithmetic (certified enclosures in interval arithmetics), the data,
 * Z and η as exact values, the sizes as integers, and the trajectory's widths
 * as facts.
 */
export function gradientDescentSetup<T>(instance: Instance, A: Arith<T>): Env<T> {
  const setting = instance.setting as GdSetting;
  const { Z, horizon: steps } = resolveOnce(instance);
  const trajectory = reluGradientDescent(A, descentProblem(setting, instance.eta as number, steps));
  const env: Env<T> = {
    values: {
      W: trajectory.iterates,
      Z: fromPlain(A, Z, 'Z'),
      X: fromPlain(A, setting.X, 'X'),
      y: fromPlain(A, setting.y, 'y'),
      a: fromPlain(A, setting.a, 'a'),
      eta: scalar(A.num(instance.eta as number)),
    },
    ints: { n: setting.n, d: setting.d, m: setting.m, t: steps },
  };
  // Facts are reported from the float-interval trajectory (decimal iterates are computed only as read).
  if (A.kind !== 'interval') return env;
  let largest = 0;
  for (const w of trajectory.iterates.data) largest = Math.max(largest, Math.abs(A.lo(w)), Math.abs(A.hi(w)));
  env.facts = {
    'largest enclosure width': trajectory.maxWidth,
    'largest relative width': largest > 0 ? trajectory.maxWidth / largest : 0,
    "box steps (σ' straddled)": trajectory.boxSteps,
    'iterates cut after the net died': (instance.t as number) - steps,
  };
  return env;
}
