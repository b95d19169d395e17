package dev.repflow.anchoring;

/**
 * Accuracy, expected calibration error and negative log-likelihood of probabilistic predictions.
 */
public final class CalibrationMetrics {
  /** Probabilities are clamped here before the log, so a confident miss costs about 27.6 nats. */
  static final double MIN_PROBABILITY = 1e-12;

  private CalibrationMetrics() {}

  /**
   * Metrics of rows {@code from..to)} of a prediction.
   *
   * @param labels {@code [N]} true class indices
   * @param bins equal-width confidence bins of the ECE; bin {@code b} holds confidences in {@code
   *     (b / bins, (b + 1) / bins]} (confidence 0 goes to bin 0)
   */
  public static SeverityMetrics of(
      int severity, Prediction prediction, int[] labels, int from, int to, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("ECE needs at least one bin, got " + bins);
    }
    int n = to - from;
    if (n < 1) {
      throw new IllegalArgumentException("no predictions to score in rows " + from + ".." + to);
    }
    long[] count = new long[bins];
    double[] confidenceSum = new double[bins];
    double[] correctSum = new double[bins];
    long correct = 0;
    double nll = 0;
    double uncertainty = 0;
    for (int i = from; i < to; i++) {
      float[] p = prediction.probabilities()[i];
      int predicted = argMax(p);
      double confidence = p[predicted];
      boolean hit = predicted == labels[i];
      int bin = Math.min(bins - 1, Math.max(0, (int) Math.ceil(confidence * bins) - 1));
      count[bin]++;
      confidenceSum[bin] += confidence;
      correctSum[bin] += hit ? 1 : 0;
      correct += hit ? 1 : 0;
      nll -= Math.log(Math.max(p[labels[i]], MIN_PROBABILITY));
      uncertainty += prediction.uncertainty()[i];
    }
    double ece = 0;
    for (int b = 0; b < bins; b++) {
      if (count[b] > 0) {
        ece += Math.abs(correctSum[b] - confidenceSum[b]) / n;
      }
    }
    return new SeverityMetrics(
        severity, n, (double) correct / n, ece, bins, nll / n, uncertainty / n);
  }

  /** Index of the largest value; the first one on ties. */
  static int argMax(float[] values) {
    int best = 0;
    for (int c = 1; c < values.length; c++) {
      if (values[c] > values[best]) {
        best = c;
      }
    }
    return best;
  }
}
