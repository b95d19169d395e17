package dev.repflow.fungi;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;
import java.util.List;

/**
 * Metrics of one feature combination.
 *
 * @param name combination name ({@link Combination#name()})
 * @param report JSON artifact with everything below plus per-class accuracies
 * @param dimensions features after concatenation, before PCA
 * @param pcaDimensions features after PCA
 * @param knnAccuracy kNN accuracy of test queries against train
 * @param knnMeanPerClass kNN mean per-class accuracy
 * @param linearAccuracy multinomial logistic-regression probe accuracy
 * @param fewShot one score per support size
 * @param retrievalMap mean average precision of test queries ranking the train set by label
 */
public record CombinationResult(
    String name,
    ArtifactRef report,
    int dimensions,
    int pcaDimensions,
    double knnAccuracy,
    double knnMeanPerClass,
    double linearAccuracy,
    List<FewShotScore> fewShot,
    double retrievalMap,
    boolean cached)
    implements StepOutcome {

  /** Copy marked as reused from the cache. */
  public CombinationResult asCached(ArtifactRef ref) {
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
        true);
  }

  @Override
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "%s: kNN %.4f, linear %.4f, mAP %.4f",
        name,
        knnAccuracy,
        linearAccuracy,
        retrievalMap);
  }
}
