/**
 * The one place that decides σ'(p) of the ReLU for an enclosure [lo, hi] of a
 * preactivation p = ⟨w_j, x_k⟩: the interval arithmetic's σ' (losses.ts), the
 * float arithmetic's, and the typed loops of the net (src/models/net-arrays-*)
 * all ask here, so a change of convention at a kink is made once. (The
 * decimal intervals apply the same rule to their decimal ends.)
 *
 * 'active' (σ' = 1) when lo > 0; 'dead' (σ' = 0) when hi < 0, and at an exact
 * zero [0, 0]: the convention σ'(0) = 0, one element of Clarke's [0, 1], so
 * that two sides meeting the same exact kink take the same value; otherwise
 * 'kink': the enclosure straddles or touches 0 and either sign is possible,
 * so σ' is the whole [0, 1] (NaN ends land here too, never on a narrow value).
 */
export type ReluSlope = 'active' | 'dead' | 'kink';

export function reluSlope(lo: number, hi: number): ReluSlope {
  return lo > 0 ? 'active' : hi < 0 || (lo === 0 && hi === 0) ? 'dead' : 'kink';
}

/** σ'(p) of a double p in plain floats (screening only): 1 above 0, 0 at 0 (the convention above) and below. */
export function floatReluSlope(p: number): number {
  return p > 0 ? 1 : 0;
}
