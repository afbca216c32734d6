import type { Interval } from '../arithmetic/interval.js';
import { addDown, addUp, mulUp, sqrtUp, subDown, upCheap } from '../arithmetic/rounding.js';
import type { StepCertificate } from './flow-step-certificate.js';

/**
 * The exact flow's path length ∫₀ᵗ‖ẇ‖ from the approximant's, accumulated
 * over the steps of gradient-flow.ts. With e = w − ŵ and g = ∇L(w) − ∇L(ŵ),
 * ẇ − dŵ/dt = −g − δ, so |∫‖ẇ‖ − ∫‖dŵ/dt‖| ≤ ∫‖g‖ + ∫‖δ‖. Two bounds of ∫‖g‖:
 *
 * - per step, ‖g‖ ≤ Λ_k‖e‖ ≤ Λ_k ρ_k (ρ_k the tube radius, Λ_k the curvature
 *   bound of the step's certificate): Σ_k Λ_k ρ_k h_k, which adds up the radius
 *   over the whole run;
 * - globally, by convexity: g = H̄e with H̄ the mean Hessian over the segment
 *   [ŵ, w] (inside the tube), 0 ⪯ H̄ ⪯ Λ_k, so ‖g‖² ≤ Λ_k⟨e, g⟩; and
 *   d/dt ½‖e‖² = −⟨e, g⟩ − ⟨e, δ⟩, so Σ_k ∫⟨e, g⟩ ≤ ½‖e(0)‖² + Σ_k (ρ_k∫‖δ‖ +
 *   (ρ_k + j_k/2) j_k), the j_k being the jumps where a step's end is rounded.
 *   By Cauchy–Schwarz, ∫‖g‖ ≤ √(Σ_k Λ_k h_k) · √(Σ_k ∫⟨e, g⟩).
 *
 * The second grows like the radius times √(∫Λ), the first like the radius
 * times ∫Λ (∫Λ ≈ log t/γ̄² on separable data, large when the margin γ̄ is
 * small); both are rigorous and the enclosure uses the smaller.
 */
export class PathLengthEnclosure {
  /** Σ of the approximant's path length, outward. */
  private approximantLo = 0;
  private approximantHi = 0;
  /** Per-step coupling: Σ of the certificates' own path-length enclosures. */
  private perStepLo = 0;
  private perStepHi = 0;
  private defects = 0;
  private curvatureTime = 0;
  private energy: number;

  /** `startRadius` bounds ‖w(0) − ŵ(0)‖. */
  constructor(startRadius: number) {
    this.energy = upCheap(0.5 * upCheap(startRadius * startRadius));
  }

  /** One accepted step of length ≤ hHi from a start radius, and the jump ‖p(1) − rounded end‖ ≤ jump. */
  add(cert: StepCertificate, startRadius: number, hHi: number, jump: number): void {
    this.perStepLo = addDown(this.perStepLo, cert.pathLength.lo);
    this.perStepHi = addUp(this.perStepHi, cert.pathLength.hi);
    this.approximantLo = addDown(this.approximantLo, cert.approximantPath.lo);
    this.approximantHi = addUp(this.approximantHi, cert.approximantPath.hi);
    this.defects = addUp(this.defects, cert.defectIntegral);
    this.curvatureTime = addUp(this.curvatureTime, mulUp(cert.curvature, hHi));
    const tube = addUp(startRadius, cert.defectIntegral);
    const jumpEnergy = mulUp(addUp(tube, jump), jump); // ≥ (ρ + j/2) j
    this.energy = addUp(this.energy, addUp(mulUp(tube, cert.defectIntegral), jumpEnergy));
  }

  /** An independent copy (to resume a run from a saved state). */
  copy(): PathLengthEnclosure {
    return Object.assign(Object.create(PathLengthEnclosure.prototype) as PathLengthEnclosure, this);
  }

  enclosure(): Interval {
    const coupling = addUp(sqrtUp(mulUp(this.curvatureTime, this.energy)), this.defects);
    let lo = Math.max(0, this.perStepLo);
    let hi = this.perStepHi;
    if (coupling < Infinity && this.approximantHi < Infinity) {
      lo = Math.max(lo, subDown(this.approximantLo, coupling));
      hi = Math.min(hi, addUp(this.approximantHi, coupling));
    }
    return { lo, hi };
  }
}
