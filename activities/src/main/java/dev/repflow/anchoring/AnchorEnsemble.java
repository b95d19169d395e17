package dev.repflow.anchoring;

/**
 * Combines a model's logits for the same images under several anchors into one prediction, as
 * LLNL/anchoring's {@code wrapper.py} does at inference: the prediction is the mean of the logits
 * over anchors ({@code mu = p.mean(0)}), and the uncertainty is the spread of the sigmoid of the
 * logits over anchors ({@code p.sigmoid().std(0)}, unbiased), averaged over classes (the
 * reference's {@code calibrate} reduces it the same way).
 */
final class AnchorEnsemble {
  private AnchorEnsemble() {}

  /**
   * @param logits {@code [A][B * C]}: for anchor {@code j}, the logits of the {@code B} images
   *     row-major
   * @param averageLogits true (the reference): probabilities are the softmax of the mean logits;
   *     false: the mean of the per-anchor softmax
   * @return probabilities {@code [B, C]} and spread {@code [B]} (0 with one anchor)
   */
  static Prediction combine(float[][] logits, int batch, int classes, boolean averageLogits) {
    int anchors = logits.length;
    float[][] probabilities = new float[batch][];
    float[] spread = new float[batch];
    double[] row = new double[classes];
    for (int k = 0; k < batch; k++) {
      double[] p = new double[classes];
      for (int j = 0; j < anchors; j++) {
        for (int c = 0; c < classes; c++) {
          row[c] = logits[j][k * classes + c];
        }
        if (averageLogits) {
          for (int c = 0; c < classes; c++) {
            p[c] += row[c] / anchors;
          }
        } else {
          double[] s = softmax(row);
          for (int c = 0; c < classes; c++) {
            p[c] += s[c] / anchors;
          }
        }
      }
      probabilities[k] = toFloat(averageLogits ? softmax(p) : p);
      spread[k] = (float) sigmoidSpread(logits, k, classes);
    }
    return new Prediction(probabilities, spread);
  }

  /** Mean over classes of the unbiased standard deviation over anchors of sigmoid(logit). */
  private static double sigmoidSpread(float[][] logits, int k, int classes) {
    int anchors = logits.length;
    if (anchors < 2) {
      return 0;
    }
    double total = 0;
    double[] s = new double[anchors];
    for (int c = 0; c < classes; c++) {
      double mean = 0;
      for (int j = 0; j < anchors; j++) {
        s[j] = 1 / (1 + Math.exp(-logits[j][k * classes + c]));
        mean += s[j] / anchors;
      }
      double squares = 0;
      for (int j = 0; j < anchors; j++) {
        squares += (s[j] - mean) * (s[j] - mean);
      }
      total += Math.sqrt(squares / (anchors - 1));
    }
    return total / classes;
  }

  static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] out = new double[z.length];
    for (int c = 0; c < z.length; c++) {
      out[c] = Math.exp(z[c] - max);
      sum += out[c];
    }
    for (int c = 0; c < z.length; c++) {
      out[c] /= sum;
    }
    return out;
  }

  private static float[] toFloat(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
