/** One of the prover's real variables: its range, which ends are excluded, and how it reads in reports. */
export interface Variable {
  readonly name: string;
  readonly lo: number;
  readonly hi: number;
  /** Excluded ends (z ∈ ℝ has both infinite ends excluded; η ∈ (0, 1] its lower end). */
  readonly openLo: boolean;
  readonly openHi: boolean;
}

/** A box: one closed interval of doubles per variable (infinite ends allowed). */
export type Box = readonly (readonly [number, number])[];

export const wholeBox = (variables: readonly Variable[]): Box => variables.map((v) => [v.lo, v.hi] as const);

/** Where to cut [lo, hi]: integers first (so touching points like 0 and 1 become box ends), geometric for wide positive ranges, away from an infinite end by doubling. */
export function splitPoint(lo: number, hi: number): number {
  if (lo === -Infinity && hi === Infinity) return 0;
  // Away from an infinite end by squaring (10^300 is ten cuts away), after a first step of at least 1.
  if (lo === -Infinity) return hi > -2 ? hi - Math.max(1, Math.abs(hi)) : -Math.min(hi * hi, Number.MAX_VALUE);
  if (hi === Infinity) return lo < 2 ? lo + Math.max(1, Math.abs(lo)) : Math.min(lo * lo, Number.MAX_VALUE);
  // Towards an end at 0 (often excluded, where log or 1/x blow up) cut geometrically, so 10^−300 is 100 cuts away.
  if (lo === 0 && hi > 0 && hi <= 1) return hi / 1024;
  if (hi === 0 && lo < 0 && lo >= -1) return lo / 1024;
  if (lo > 0 && hi / lo > 4) return Math.sqrt(lo) * Math.sqrt(hi);
  if (hi < 0 && lo / hi > 4) return -Math.sqrt(-lo) * Math.sqrt(-hi);
  return lo / 2 + hi / 2;
}

/** Splits along the coordinate that is widest in gauge measure; null when no coordinate can be cut further. */
export function split(box: Box): [Box, Box] | null {
  let best = -1;
  let widest = 0;
  box.forEach(([lo, hi], k) => {
    const s = splitPoint(lo, hi);
    if (!(s > lo && s < hi)) return;
    const w = gauge(hi) - gauge(lo);
    const relative = Number.isFinite(lo) && Number.isFinite(hi) && lo > 0 ? Math.log(hi / lo) : w;
    const size = Math.max(w, relative);
    if (size > widest) [best, widest] = [k, size];
  });
  if (best < 0) return null;
  const [lo, hi] = box[best];
  const s = splitPoint(lo, hi);
  const left = box.map((r, k) => (k === best ? ([lo, s] as const) : r));
  const right = box.map((r, k) => (k === best ? ([s, hi] as const) : r));
  return [left, right];
}

/** x/(1 + |x|): a bounded coordinate in which an unbounded domain has finite measure. */
export const gauge = (x: number): number => (x === Infinity ? 1 : x === -Infinity ? -1 : x / (1 + Math.abs(x)));

/** The box's share of the domain, in gauge measure (degenerate coordinates of the domain count as 1). */
export function share(box: Box, domain: Box): number {
  let out = 1;
  box.forEach(([lo, hi], k) => {
    const [dlo, dhi] = domain[k];
    const whole = gauge(dhi) - gauge(dlo);
    if (whole > 0) out *= (gauge(hi) - gauge(lo)) / whole;
  });
  return out;
}

export const midpoint = (box: Box): number[] =>
  box.map(([lo, hi]) => (Number.isFinite(lo) && Number.isFinite(hi) ? lo / 2 + hi / 2 : splitPoint(lo, hi)));

export const formatBox = (box: Box, variables: readonly Variable[]): string =>
  box.map(([lo, hi], k) => `${variables[k].name} ∈ [${short(lo)}, ${short(hi)}]`).join(', ');

const short = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : x > 0 ? '∞' : '−∞');
