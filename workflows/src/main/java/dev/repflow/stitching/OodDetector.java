package dev.repflow.stitching;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;
import java.util.Locale;

/**
 * An energy OOD detector on one layer's representations.
 *
 * @param weights detector parameters (DJL NDList encoding)
 * @param images how many images trained and evaluated it
 * @param threshold energy of the FPR95 operating point: a representation with energy at or below it
 *     is accepted as in-distribution (about 95% of the ID test data are)
 * @param idAccuracy the detector's classification accuracy on ID test data
 * @param auroc ID vs OOD test data ({@code ood.test}), energy as the score
 * @param fpr95 share of OOD test data accepted at the operating point (false positives at 95% TPR)
 */
public record OodDetector(
    LayerRef layer,
    ArtifactRef weights,
    int inputDimensions,
    int hidden,
    int numClasses,
    ImageCounts images,
    double threshold,
    double idAccuracy,
    double auroc,
    double fpr95,
    boolean cached)
    implements StepOutcome {

  /**
   * @param idTrain ID training images (cross-entropy and the ID half of fine-tuning)
   * @param exposure outlier-exposure images fine-tuned against ({@code ood.exposure}, train split)
   * @param idTest ID test images of the evaluation
   * @param oodTest OOD test images of the evaluation ({@code ood.test}, test split)
   */
  public record ImageCounts(int idTrain, int exposure, int idTest, int oodTest) {}

  public OodDetector asCached() {
    return new OodDetector(
        layer,
        weights,
        inputDimensions,
        hidden,
        numClasses,
        images,
        threshold,
        idAccuracy,
        auroc,
        fpr95,
        true);
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "%s: AUROC %.3f, FPR95 %.3f", layer.label(), auroc, fpr95);
  }
}
