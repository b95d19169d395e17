package dev.repflow.eval;

import dev.repflow.artifacts.ArtifactRef;
import java.util.Map;

/** JSON body of a kNN evaluation artifact. */
record KnnReport(
    String name,
    int k,
    String memory,
    String queries,
    long queryCount,
    int dimensions,
    double accuracy,
    double meanPerClassAccuracy,
    Map<Long, Double> perClassAccuracy) {

  KnnResult toResult(ArtifactRef self, boolean cached) {
    return new KnnResult(
        name, self, k, queryCount, dimensions, accuracy, meanPerClassAccuracy, cached);
  }
}
