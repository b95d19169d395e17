package dev.repflow.anchoring;

/**
 * Predictions for a set of images.
 *
 * @param probabilities {@code [N, C]} class probabilities; for anchored models combined over
 *     anchors by {@link AnchorEnsemble}
 * @param uncertainty {@code [N]} spread across anchors: mean over classes of the standard deviation
 *     over anchors of sigmoid(logit) (0 with one anchor or a standard model)
 */
public record Prediction(float[][] probabilities, float[] uncertainty) {

  public Prediction {
    if (probabilities.length != uncertainty.length) {
      throw new IllegalArgumentException(
          "probabilities has " + probabilities.length + " rows, uncertainty " + uncertainty.length);
    }
  }
}
