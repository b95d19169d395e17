package dev.repflow.collapse;

import dev.repflow.artifacts.ArtifactRef;
import java.util.List;

/**
 * One shard of one pass over a feature file.
 *
 * @param kind what to accumulate
 * @param features feature file {@code [N, D]}
 * @param classes class ids of the statistics' rows (sorted)
 * @param shard which contiguous slice of the rows, {@code 0..shards-1}
 * @param means merged {@link StatsKind#MEANS} of the train features (SPREAD, DECISIONS), else null
 * @param probe linear classifier (DECISIONS), else null
 */
public record AccumulateRequest(
    StatsKind kind,
    ArtifactRef features,
    List<Integer> classes,
    int shard,
    int shards,
    ArtifactRef means,
    ArtifactRef probe) {

  public AccumulateRequest {
    classes = List.copyOf(classes);
    if (shards < 1 || shard < 0 || shard >= shards) {
      throw new IllegalArgumentException("shard " + shard + " of " + shards + " does not exist");
    }
    if (kind != StatsKind.MEANS && means == null) {
      throw new IllegalArgumentException(kind + " needs the class means");
    }
    if (kind == StatsKind.DECISIONS && probe == null) {
      throw new IllegalArgumentException("DECISIONS needs a classifier");
    }
  }
}
