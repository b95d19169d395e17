package dev.repflow.anchoring;

/**
 * Inference and metrics settings.
 *
 * @param anchors anchors per test image for anchored models; softmax averaged over them (default
 *     1); their spread is the uncertainty score
 * @param anchorSeed seeds the anchor draws from the training split
 * @param eceBins equal-width confidence bins of the ECE (default 15)
 * @param batchSize images per forward pass (default 500)
 */
public record InferenceSpec(int anchors, Long anchorSeed, int eceBins, int batchSize) {

  public InferenceSpec {
    anchors = anchors == 0 ? 1 : anchors;
    if (anchors < 1 || anchors > 100) {
      throw new IllegalArgumentException("inference.anchors must be in 1..100, got " + anchors);
    }
    anchorSeed = anchorSeed == null ? 7L : anchorSeed;
    eceBins = eceBins == 0 ? 15 : eceBins;
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
    return new InferenceSpec(0, null, 0, 0);
  }
}
