package dev.repflow.collapse;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;

/**
 * The NC3/NC4 classifier: a linear probe fitted on train features, or the backbone's head (JSON:
 * weights {@code [K, D]}, bias {@code [K]}).
 *
 * @param trainAccuracy accuracy on the data it was fitted or trained on
 */
public record ProbeResult(ArtifactRef weights, double trainAccuracy, boolean cached)
    implements StepOutcome {

  @Override
  public String summary() {
    return String.format(java.util.Locale.ROOT, "classifier train acc %.4f", trainAccuracy);
  }
}
