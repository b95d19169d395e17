package dev.repflow.imprinting;

import java.util.HashSet;
import java.util.List;

/**
 * Critical-difference analysis. The compared methods are fixed before any result exists: either
 * every method of the grid or the ones named here, never a selection made from the results.
 *
 * @param methods method ids ({@link ImprintConfig#method()}, without the seed) to compare, e.g. the
 *     published configurations; empty or absent = every method of the grid
 * @param alpha significance level of the Friedman and Holm-corrected Wilcoxon tests, default 0.05
 */
public record CdSpec(List<String> methods, double alpha) {

  public CdSpec {
    methods = methods == null ? List.of() : List.copyOf(methods);
    alpha = alpha == 0 ? 0.05 : alpha;
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("cd.alpha must be in (0, 1), got " + alpha);
    }
    var seen = new HashSet<String>();
    for (String id : methods) {
      if (!seen.add(id)) {
        throw new IllegalArgumentException("cd.methods: '" + id + "' is listed twice");
      }
    }
  }

  /**
   * The compared methods of {@code grid}, checked up front: named ones must be methods of the grid,
   * and the Friedman test needs at least 3.
   */
  public List<String> compared(GridSpec grid) {
    List<String> all = grid.methods();
    for (String id : methods) {
      if (!all.contains(id)) {
        throw new IllegalArgumentException(
            "cd.methods: '"
                + id
                + "' is not a method of the grid (method ids look like "
                + all.get(0)
                + ", without the seed)");
      }
    }
    List<String> out = methods.isEmpty() ? all : methods;
    if (out.size() < 3) {
      throw new IllegalArgumentException(
          "cd: the Friedman test needs at least 3 methods, got " + out.size() + ": " + out);
    }
    return out;
  }

  /** This spec with {@link #compared} spelled out, for the summary step. */
  public CdSpec resolved(GridSpec grid) {
    return new CdSpec(compared(grid), alpha);
  }
}
