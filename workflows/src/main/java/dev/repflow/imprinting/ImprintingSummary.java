package dev.repflow.imprinting;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;
import java.util.List;

/**
 * Results of the whole grid.
 *
 * @param table JSON artifact: every run x task accuracy
 * @param diagram SVG critical-difference diagram of the compared methods
 * @param tests JSON artifact: every pairwise Wilcoxon p-value, Holm decision and the cliques
 * @param seeds the grid's seeds; each method's accuracy on a task is the median over them
 * @param runs runs in the grid (methods x seeds)
 * @param leaders the best methods of the whole grid by mean accuracy, for orientation only: they
 *     are not what the tests compare
 * @param compared the methods fixed by {@code cd} before the run, best average rank first
 * @param friedmanChi2 Friedman statistic over the compared methods (with scipy's tie correction)
 * @param friedmanP its p-value (chi-square, methods-1 degrees of freedom)
 * @param cliques maximal groups of compared methods with no significant pairwise difference
 *     (Holm-corrected Wilcoxon signed-rank); all methods in one group when Friedman does not reject
 * @param cliquesComplete false when there were too many cliques to list them all
 */
public record ImprintingSummary(
    ArtifactRef table,
    ArtifactRef diagram,
    ArtifactRef tests,
    List<String> tasks,
    List<Long> seeds,
    int runs,
    List<MethodScore> leaders,
    List<RankedMethod> compared,
    double friedmanChi2,
    double friedmanP,
    List<List<String>> cliques,
    boolean cliquesComplete,
    boolean cached)
    implements StepOutcome {

  @Override
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "%d runs; %d methods compared, best %s; Friedman p=%.3g",
        runs,
        compared.size(),
        compared.get(0).id(),
        friedmanP);
  }

  /** Copy marked as reused from the cache. */
  public ImprintingSummary asCached() {
    return new ImprintingSummary(
        table,
        diagram,
        tests,
        tasks,
        seeds,
        runs,
        leaders,
        compared,
        friedmanChi2,
        friedmanP,
        cliques,
        cliquesComplete,
        true);
  }
}
