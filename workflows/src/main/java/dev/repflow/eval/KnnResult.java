package dev.repflow.eval;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;

/**
 * kNN classification of a query feature file against a memory feature file.
 *
 * @param name what was evaluated, e.g. {@code embeddings} or {@code pixels}
 * @param report JSON artifact with the metrics and per-class accuracies
 * @param accuracy share of queries classified correctly
 * @param meanPerClassAccuracy unweighted mean over classes of per-class accuracy
 */
public record KnnResult(
    String name,
    ArtifactRef report,
    int k,
    long queries,
    int dimensions,
    double accuracy,
    double meanPerClassAccuracy,
    boolean cached)
    implements StepOutcome {

  @Override
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "%s: acc %.4f, mean per-class %.4f",
        name,
        accuracy,
        meanPerClassAccuracy);
  }
}
