package dev.repflow.fungi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which gradients to extract.
 *
 * @param layer name of the linear layer whose weight gradient is taken; null = the architecture's
 *     default (CNN: {@code fc}, the last hidden linear layer)
 * @param objectives in report order, default KL, DINO, SimCLR with their paper settings
 * @param projection the shared random projection
 * @param batchSize images per backward pass, default 64
 */
public record GradientSpec(
    String layer, List<ObjectiveSpec> objectives, ProjectionSpec projection, int batchSize) {

  public GradientSpec {
    objectives =
        objectives == null || objectives.isEmpty()
            ? List.of(
                KlObjectiveSpec.defaults(),
                DinoObjectiveSpec.defaults(),
                SimClrObjectiveSpec.defaults())
            : List.copyOf(objectives);
    Set<String> names = new HashSet<>();
    for (ObjectiveSpec o : objectives) {
      if (!names.add(o.name())) {
        throw new IllegalArgumentException(
            "gradients.objectives: objective '" + o.name() + "' is listed twice");
      }
    }
    projection = projection == null ? new ProjectionSpec(null, 0, null) : projection;
    batchSize = batchSize == 0 ? 64 : batchSize;
    if (batchSize < 1 || batchSize > 4096) {
      throw new IllegalArgumentException(
          "gradients.batchSize must be in 1..4096, got " + batchSize);
    }
  }

  public static GradientSpec defaults() {
    return new GradientSpec(null, null, null, 0);
  }
}
