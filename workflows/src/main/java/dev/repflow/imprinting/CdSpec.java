package dev.repflow.imprinting;

import java.util.List;

/**
 * Critical-difference analysis.
 *
 * @param top how many of the best runs (by mean accuracy) enter the Friedman test and the diagram
 *     besides {@code include}; runs with exactly the same accuracy on every task as one already
 *     chosen (equivalent configs, e.g. AGG on one proxy per class) are skipped; default 10
 * @param alpha significance level of the Friedman and Holm-corrected Wilcoxon tests, default 0.05
 * @param include run ids always compared, e.g. the published baselines
 */
public record CdSpec(int top, double alpha, List<String> include) {

  public CdSpec {
    include = include == null ? List.of() : List.copyOf(include);
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
