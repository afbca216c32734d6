import type { Expectation, ExpectedRegion } from '../language/lemma.js';
import type { ExpectationReport, FailingRegion, Verdict } from './report.js';

/**
 * An expected refutation is a claim about one counterexample: the cited instance (seed and
 * fast-check path) is still refuted, and where the step declares its failing region, the scan at
 * that instance still finds it. A mutated line that is false for another reason, somewhere else,
 * passes neither test: its run may still be refuted, but not the way the expectation says.
 */

/** What replaying the cited counterexample gave. */
export interface CitedOutcome {
  verdict: Verdict;
  lhs?: [string, string];
  rhs?: [string, string];
  message?: string;
  /** The failing regions the scan found at the cited instance (when the step declares one). */
  regions?: FailingRegion[];
}

const meets = (a: readonly [number, number], b: readonly [number, number]): boolean =>
  Math.max(Math.min(...a), Math.min(...b)) <= Math.min(Math.max(...a), Math.max(...b));

const bracket = (b: readonly [number, number]): string => `[${Math.min(...b)}, ${Math.max(...b)}]`;

export function describeExpectedRegion(r: ExpectedRegion): string {
  const edges = [r.lowerEdge ? `lower edge in ${bracket(r.lowerEdge)}` : '', r.upperEdge ? `upper edge in ${bracket(r.upperEdge)}` : ''].filter(Boolean).join(', ');
  return `${r.verdict} ${r.direction === 'everywhere' ? 'everywhere' : r.direction} along ${r.parameter}${edges ? ` (${edges})` : ''}`;
}

/** Whether a found region is the declared one: same parameter, verdict and direction, and edges that meet the declared brackets. */
export function matchesRegion(found: FailingRegion, expected: ExpectedRegion): boolean {
  const parameter = expected.parameter.split('.').pop();
  if (found.parameter.split('.').pop() !== parameter) return false;
  if ((found.verdict ?? 'refuted') !== expected.verdict || found.direction !== expected.direction) return false;
  if (expected.lowerEdge && !(found.lowerEdge && meets(found.lowerEdge, expected.lowerEdge))) return false;
  if (expected.upperEdge && !(found.upperEdge && meets(found.upperEdge, expected.upperEdge))) return false;
  return true;
}

/** Compares the replayed cited counterexample with the expectation; `mismatch` says what changed. */
export function expectationReport(expect: Expectation, command: string, outcome: CitedOutcome): ExpectationReport {
  const { seed, path } = expect.counterexample;
  const report: ExpectationReport = {
    counterexample: { seed, path, command },
    verdict: outcome.verdict,
    ...(outcome.lhs ? { lhs: outcome.lhs } : {}),
    ...(outcome.rhs ? { rhs: outcome.rhs } : {}),
    ...(expect.region ? { region: describeExpectedRegion(expect.region), regionsFound: (outcome.regions ?? []).map((r) => r.description) } : {}),
  };
  const problems: string[] = [];
  if (outcome.verdict !== 'refuted') {
    const sides = outcome.lhs && outcome.rhs ? ` (lhs ∈ [${outcome.lhs.join(', ')}], rhs ∈ [${outcome.rhs.join(', ')}])` : '';
    const why = outcome.message ? `: ${outcome.message}` : '';
    problems.push(`the cited counterexample (seed ${seed}, path ${path}) is ${outcome.verdict} now, not refuted${sides}${why}`);
  } else if (expect.region && !(outcome.regions ?? []).some((r) => matchesRegion(r, expect.region!))) {
    const found = (outcome.regions ?? []).map((r) => r.description).join('; ') || 'no failing region';
    problems.push(`at the cited counterexample the failing region changed: expected ${describeExpectedRegion(expect.region)}, found ${found}`);
  }
  if (problems.length) report.mismatch = problems.join('; ');
  return report;
}
