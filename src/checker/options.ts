import { MAX_DIGITS } from '../arithmetic/decimal-rounding.js';

/** How a lemma is checked. Every run is a pure function of these options. */
export interface CheckOptions {
  /** fast-check seed: the same seed gives the same report, apart from timing fields. */
  seed: number;
  /** Instances per lemma; defaults to the lemma's own default. */
  runs?: number;
  /** Replay one counterexample: the fast-check path printed in a report (and the step it refuted). */
  replay?: { path: string; step?: string; relaxation?: number };
  /** Precision ladder for refinement of inconclusive evaluations, in decimal digits. */
  digits?: readonly number[];
  /** Time budget per step evaluation at one instance, in ms (exceeding it is an error verdict). */
  stepTimeoutMs?: number;
  /** A named profile of the lemma (--profile NAME): its hypotheses, instance count and ladder (language/lemma.ts, Profile). */
  profile?: string;
  /** Data set supplied by the user (--instance FILE), for lemmas that take one. */
  instanceFile?: string;
  /** Command-line words a replay needs besides lemma, seed, path and step to reproduce the same instance (e.g. --instance FILE, --proofs DIR), shell-quoted. */
  replayArgs?: readonly string[];
  /**
   * Whether to compute the plots' series (the step along a parameter or an index, and the sweeps): only the HTML
   * report draws them and the JSON carries them, so a console-only run skips them. Default true.
   */
  plots?: boolean;
}

export const DEFAULT_SEED = 20261128;
/** Decimal digits tried in turn; the deep end is reached only while the step's refinement budget lasts. */
export const DEFAULT_DIGITS: readonly number[] = [30, 60, 120, 240, MAX_DIGITS];
