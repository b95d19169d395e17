package dev.repflow.anchoring;

import java.util.List;

/**
 * Inference and metrics settings.
 *
 * @param anchors anchors per test image for anchored models (default 1): the same distinct training
 *     images for every test image, as in the reference's inference
 * @param average how the anchors' outputs are combined: {@value #LOGITS} (default, the reference's
 *     {@code mu = p.mean(0)}: softmax of the mean logits) or {@value #SOFTMAX} (mean of the
 *     per-anchor softmax, a variant the reference does not use)
 * @param anchorSeed seeds which training images serve as anchors
 * @param eceBins equal-width confidence bins of the ECE (default 20, as the paper's torchmetrics
 *     {@code MulticlassCalibrationError(n_bins=20, norm="l1")})
 * @param batchSize images per forward pass (default 500)
 */
public record InferenceSpec(
    int anchors, String average, Long anchorSeed, int eceBins, int batchSize) {
  public static final String LOGITS = "logits";
  public static final String SOFTMAX = "softmax";
  public static final int DEFAULT_ECE_BINS = 20;

  public InferenceSpec {
    anchors = anchors == 0 ? 1 : anchors;
    if (anchors < 1 || anchors > 100) {
      throw new IllegalArgumentException("inference.anchors must be in 1..100, got " + anchors);
    }
    average = average == null ? LOGITS : average;
    if (!List.of(LOGITS, SOFTMAX).contains(average)) {
      throw new IllegalArgumentException(
          "inference.average must be '" + LOGITS + "' or '" + SOFTMAX + "', got '" + average + "'");
    }
    anchorSeed = anchorSeed == null ? 7L : anchorSeed;
    eceBins = eceBins == 0 ? DEFAULT_ECE_BINS : eceBins;
    if (eceBins < 1 || eceBins > 1000) {
      throw new IllegalArgumentException("inference.eceBins must be in 1..1000, got " + eceBins);
    }
    batchSize = batchSize == 0 ? 500 : batchSize;
    if (batchSize < 1 || batchSize > 65536) {
      throw new IllegalArgumentException(
          "inference.batchSize must be in 1..65536, got " + batchSize);
    }
  }

  /** All defaults. */
  public static InferenceSpec defaults() {
    return new InferenceSpec(0, null, null, 0, 0);
  }

  /** True when the prediction is the softmax of the mean logits (the reference). */
  public boolean averagesLogits() {
    return average.equals(LOGITS);
  }
}
