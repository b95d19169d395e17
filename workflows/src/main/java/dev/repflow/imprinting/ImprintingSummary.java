package dev.repflow.imprinting;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;
import java.util.List;

/**
 * Results of the whole grid.
 *
 * @param table JSON artifact: every run x task accuracy
 * @param diagram SVG critical-difference diagram of the top runs
 * @param top the compared runs, best average rank first
 * @param friedmanChi2 Friedman statistic over the top runs (Demsar 2006, no tie correction)
 * @param friedmanP its p-value (chi-square, top-1 degrees of freedom)
 * @param cliques groups of top runs with no significant pairwise difference (Holm-corrected
 *     Wilcoxon signed-rank); empty when the Friedman test does not reject
 * @param runs runs in the grid
 */
public record ImprintingSummary(
    ArtifactRef table,
    ArtifactRef diagram,
    List<String> tasks,
    List<RankedRun> top,
    double friedmanChi2,
    double friedmanP,
    List<List<String>> cliques,
    int runs,
    boolean cached)
    implements StepOutcome {

  @Override
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "%d runs; best %s; Friedman p=%.3g",
        runs,
        top.get(0).id(),
        friedmanP);
  }

  /** Copy marked as reused from the cache. */
  public ImprintingSummary asCached() {
    return new ImprintingSummary(
        table, diagram, tasks, top, friedmanChi2, friedmanP, cliques, runs, true);
  }
}
