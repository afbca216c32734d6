import { describe, expect, it } from 'vitest';
import { latexToText } from '../../src/reporters/latex-text.js';

describe('console rendering of the notes LaTeX', () => {
  it('reads like the slide', () => {
    expect(latexToText(String.raw`\| \nabla f(x; W) \|_F^2 = \frac{1}{m} \sum_{j=1}^m \left\| \sigma'(w_j^\top x) x \right\|_2^2 \leq 1`)).toBe(
      "‖ ∇ f(x; W) ‖_F² = 1/m Σ_{j=1}^m ‖ σ'(wⱼᵀ x) x ‖₂² ≤ 1",
    );
    expect(latexToText(String.raw`\ell'(z) = \frac{-\exp(-z)}{1 + \exp(-z)}`)).toBe("ℓ'(z) = (-exp(-z))/(1 + exp(-z))");
    expect(latexToText(String.raw`\tilde{\gamma}(w) \leq \gamma(w) \leq \tilde{\gamma}(w) + \frac{\log n}{\|w\|^L}`)).toBe('γ̃(w) ≤ γ(w) ≤ γ̃(w) + (log n)/(‖w‖ᴸ)');
    expect(latexToText(String.raw`\begin{bmatrix} a_1 \\ a_m \end{bmatrix}`)).toBe('[ a₁ ; aₘ ]');
  });
});
