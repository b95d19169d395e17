package dev.repflow.stitching;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;

/**
 * Linear probe test accuracy of one layer at retained ranks.
 *
 * @param dimensions size of the flattened representation
 */
public record ProbeResult(
    LayerRef layer, int dimensions, RankCurve accuracy, ArtifactRef report, boolean cached)
    implements StepOutcome {

  /** Copy pointing at its stored report (written without this field). */
  public ProbeResult withReport(ArtifactRef ref, boolean isCached) {
    return new ProbeResult(layer, dimensions, accuracy, ref, isCached);
  }

  @Override
  public String summary() {
    var values = accuracy.values();
    return String.format(
        java.util.Locale.ROOT,
        "probe %s: full-rank acc %.3f",
        layer.label(),
        values.get(values.size() - 1));
  }
}
