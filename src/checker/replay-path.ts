/**
 * fast-check names a shrunk counterexample by its path through the shrink
 * tree, "12:0:0:0:…". Reports write runs of one step compactly, as "VxN" for
 * N copies of V: "12:0x66" is "12" and then 66 zeros. --replay accepts both.
 */

/** A systematic search (a relaxation's enumerated instances) names its K-th instance grid:K, not a fast-check path. */
export const SYSTEMATIC_PATH = /^grid:(\d+)$/;

/** A run of at least this many equal steps is written VxN. */
const MIN_RUN = 3;
const STEP = /^\d+$/;
const RUN = /^(\d+)x(\d+)$/;

export function compactReplayPath(path: string): string {
  if (path === '') return path;
  const steps = path.split(':');
  const out: string[] = [];
  for (let k = 0; k < steps.length; ) {
    let end = k + 1;
    while (end < steps.length && steps[end] === steps[k]) end++;
    const count = end - k;
    if (count >= MIN_RUN) out.push(`${steps[k]}x${count}`);
    else for (let j = k; j < end; j++) out.push(steps[j]);
    k = end;
  }
  return out.join(':');
}

/** fast-check's path; throws a one-line error naming the part that is neither a step nor VxN. */
export function expandReplayPath(path: string): string {
  const out: string[] = [];
  for (const part of path.split(':')) {
    if (STEP.test(part)) {
      out.push(part);
      continue;
    }
    const run = RUN.exec(part);
    const count = run ? Number(run[2]) : NaN;
    if (!run || !(count >= 1 && count <= 1_000_000)) throw new Error(`'${part}' in replay path '${path}' is neither a number nor a run VxN (N copies of V)`);
    for (let k = 0; k < count; k++) out.push(run[1]);
  }
  return out.join(':');
}
