package dev.repflow.imprinting;

/**
 * Critical-difference analysis.
 *
 * @param top how many runs (best mean accuracy first) enter the Friedman test and the diagram,
 *     default 10
 * @param alpha significance level of the Friedman and Holm-corrected Wilcoxon tests, default 0.05
 */
public record CdSpec(int top, double alpha) {

  public CdSpec {
    top = top == 0 ? 10 : top;
    alpha = alpha == 0 ? 0.05 : alpha;
    if (top < 2) {
      throw new IllegalArgumentException("cd.top must be >= 2, got " + top);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("cd.alpha must be in (0, 1), got " + alpha);
    }
  }
}
