package dev.repflow.anchoring;

/**
 * Predictions for a set of images.
 *
 * @param probabilities {@code [N, C]} softmax, averaged over anchors for anchored models
 * @param uncertainty {@code [N]} spread across anchors: standard deviation, over anchors, of the
 *     probability of the averaged prediction's class (0 with one anchor)
 */
public record Prediction(float[][] probabilities, float[] uncertainty) {

  public Prediction {
    if (probabilities.length != uncertainty.length) {
      throw new IllegalArgumentException(
          "probabilities has " + probabilities.length + " rows, uncertainty " + uncertainty.length);
    }
  }
}
