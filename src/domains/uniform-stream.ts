/**
 * Values drawn from a seed rather than by fast-check: fast-check favours
 * special values (0, subnormals, bounds, repeats), which put preactivations
 * ⟨w_j, x_k⟩ exactly at the ReLU's kink or below the smallest double — kinks
 * the exact iteration does not decide (σ'(0)), and a trajectory in doubles
 * cannot follow. A mulberry32 stream of 53-bit uniforms avoids both; the
 * kinds of points, signs, labels and sizes still come from fast-check and shrink.
 */
export class UniformStream {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  private next32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** Uniform in [0, 1), 53 bits. */
  unit(): number {
    return ((this.next32() >>> 5) * 2 ** 26 + (this.next32() >>> 6)) / 2 ** 53;
  }
  /** Uniform in [−1, 1). */
  symmetric(): number {
    return 2 * this.unit() - 1;
  }
}
