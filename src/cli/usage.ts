import { DEFAULT_SEED } from '../checker/options.js';

export const DEFAULT_TIMEOUT_MS = 120_000;

export const USAGE = `Usage: npm run verify -- [options]

Checks every lemma of proofs/*.ts over generated instances and prints one
verdict per step of each proof.

Options:
  --lemma ID         check only this lemma (repeatable)
  --runs N           instances per lemma (default: each lemma's own)
  --seed S           fast-check seed, an integer (default ${DEFAULT_SEED})
  --json FILE        also write the full report as JSON to FILE
  --html DIR         also write the report as a web page, DIR/index.html (opens offline)
  --no-color         plain text (NO_COLOR=1 too; FORCE_COLOR=1 forces colour)
  --instance FILE    check the lemmas that take a data set on the one in FILE
                     (on a large one, a lemma runs fewer instances or says up
                     front that it needs fewer points, with its limit and why)
  --profile NAME     check the lemmas that have this profile on its domain;
                     large: Lemma 9.4 on gradient descent with n = 100 points,
                     d = 10, m = 256 over 1,000 steps (minutes; its own time
                     limit unless --timeout-ms is given)
  --replay PATH      replay one counterexample (with exactly one --lemma)
  --step STEP_ID     the step to replay (with --replay)
  --relaxation K     replay in the K-th relaxed domain of the lemma (with --replay)
  --proofs DIR       directory of proof files (default: proofs)
  --notes FILE       the notes the proofs transcribe (default: notes/lecture-15.md,
                     or notes.md beside --proofs DIR)
  --coverage         also list every display row and lemma statement of the notes
                     with the step (and verdict) or declaration that accounts for it
  --timeout-ms N     wall-clock limit per lemma in ms (default ${DEFAULT_TIMEOUT_MS})
  --jobs N           workers in parallel; heavy lemmas are split by instance
                     ranges across them (default: one fewer than the cores,
                     1 to 2)
  --max-heap-mb N    limit each worker's heap to N MB: V8 collects garbage sooner,
                     so memory stays lower at the cost of CPU; a lemma that
                     needs more ends as an error naming the limit
  --junit FILE       also write a JUnit XML report (one testcase per step)
  --shard I/N        run the I-th of N parts of the audit (needs --json); a CI
                     matrix runs all N, then --merge combines them
  --merge A.json …   combine the shard reports into the report of the whole run
  --watch            check, then rerun on save the lemmas whose proof file,
                     notes lines or glossary changed (with --lemma: only those)
  -h, --help         show this help

Exit code: 0 when every verdict matches its expectation (with --instance: or
is an expected refutation not reproduced on that data set, or a step not
applicable to it), 1 on any surprise, 2 on a usage error or unusable input (a
bad --instance file, data some lemmas cannot take, an unwritable --json path).
`;
