package dev.repflow.stitching;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;

/**
 * An energy OOD detector on one layer's representations.
 *
 * @param weights detector parameters (DJL NDList encoding)
 * @param threshold energy above which a representation is flagged (95% of ID test data below)
 * @param idAccuracy the detector's classification accuracy on ID test data
 * @param auroc ID vs OOD test data, energy as the score
 * @param fpr95 share of OOD test data below the threshold (false positives at 95% TPR)
 */
public record OodDetector(
    LayerRef layer,
    ArtifactRef weights,
    int inputDimensions,
    int hidden,
    int numClasses,
    double threshold,
    double idAccuracy,
    double auroc,
    double fpr95,
    boolean cached)
    implements StepOutcome {

  public OodDetector asCached() {
    return new OodDetector(
        layer,
        weights,
        inputDimensions,
        hidden,
        numClasses,
        threshold,
        idAccuracy,
        auroc,
        fpr95,
        true);
  }

  @Override
  public String summary() {
    return String.format(
        java.util.Locale.ROOT, "%s: AUROC %.3f, FPR95 %.3f", layer.label(), auroc, fpr95);
  }
}
