package dev.repflow.collapse;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;

/**
 * A linear probe fitted on train features (JSON: weights {@code [K, D]}, bias {@code [K]}).
 *
 * @param trainAccuracy accuracy of the probe on the features it was fitted on
 */
public record ProbeResult(ArtifactRef weights, double trainAccuracy, boolean cached)
    implements StepOutcome {

  @Override
  public String summary() {
    return String.format(java.util.Locale.ROOT, "probe train acc %.4f", trainAccuracy);
  }
}
