package dev.repflow.anchoring;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;
import java.util.List;
import java.util.Locale;

/**
 * Inference of one model on one corrupted set.
 *
 * @param model variant name
 * @param corruption corruption name ({@value CorruptedSet#CLEAN} for the clean test set)
 * @param severities one entry per severity of the set
 * @param predictions HDF5 file: features {@code [S * N, C + 1]} = probabilities (softmax of the
 *     mean logits over anchors, or the mean softmax with {@code inference.average: softmax}), then
 *     the uncertainty score; rows as in the corrupted set
 */
public record CorruptionMetrics(
    String model,
    String corruption,
    List<SeverityMetrics> severities,
    ArtifactRef predictions,
    boolean cached)
    implements StepOutcome {

  public CorruptionMetrics {
    severities = List.copyOf(severities);
  }

  @Override
  public String summary() {
    double mean = severities.stream().mapToDouble(SeverityMetrics::accuracy).average().orElse(0);
    return String.format(Locale.ROOT, "%s on %s: mean acc %.3f", model, corruption, mean);
  }
}
