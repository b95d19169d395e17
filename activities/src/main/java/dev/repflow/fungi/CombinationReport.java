package dev.repflow.fungi;

import dev.repflow.artifacts.ArtifactRef;
import java.util.List;
import java.util.Map;

/**
 * JSON artifact of one evaluated combination: {@link CombinationResult}'s metrics plus kNN
 * per-class accuracies and the input files.
 */
public record CombinationReport(
    String name,
    List<String> trainInputs,
    List<String> testInputs,
    int dimensions,
    int pcaDimensions,
    int k,
    double knnAccuracy,
    double knnMeanPerClass,
    Map<Long, Double> knnPerClass,
    double linearAccuracy,
    List<FewShotScore> fewShot,
    double retrievalMap) {

  CombinationResult toResult(ArtifactRef ref, boolean cached) {
    return new CombinationResult(
        name,
        ref,
        dimensions,
        pcaDimensions,
        knnAccuracy,
        knnMeanPerClass,
        linearAccuracy,
        fewShot,
        retrievalMap,
        cached);
  }
}
