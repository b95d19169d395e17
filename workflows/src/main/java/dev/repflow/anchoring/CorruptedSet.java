package dev.repflow.anchoring;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;
import java.util.List;

/**
 * A corrupted copy of the test split in the store.
 *
 * @param corruption corruption name, or {@value #CLEAN} for the unmodified test split
 * @param images HDF5 feature file: features {@code [S * N, H * W]} pixels in [0, 1], severity-major
 *     (rows {@code s * N .. (s + 1) * N - 1} hold severity {@code severities[s]}), labels {@code [S
 *     * N]}
 * @param severities severities in row-block order; {@code [0]} for the clean set
 */
public record CorruptedSet(
    String corruption, ArtifactRef images, List<Integer> severities, boolean cached)
    implements StepOutcome {
  /** Name of the uncorrupted test set; its only severity is 0. */
  public static final String CLEAN = "clean";

  public CorruptedSet {
    severities = List.copyOf(severities);
  }

  @Override
  public String summary() {
    return corruption + " x" + severities.size() + " -> " + images.uri();
  }
}
