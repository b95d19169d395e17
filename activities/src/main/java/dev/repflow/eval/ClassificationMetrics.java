package dev.repflow.eval;

import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy figures of predicted against true labels.
 *
 * @param accuracy share of correct predictions
 * @param meanPerClassAccuracy unweighted mean over the true classes of their accuracy
 * @param perClassAccuracy accuracy per true class id
 */
public record ClassificationMetrics(
    double accuracy, double meanPerClassAccuracy, Map<Long, Double> perClassAccuracy) {

  /** Computes the metrics; both arrays {@code [N]}, N > 0. */
  public static ClassificationMetrics of(long[] predicted, long[] truth) {
    if (predicted.length != truth.length || truth.length == 0) {
      throw new IllegalArgumentException(
          "need equally long, non-empty label arrays, got "
              + predicted.length
              + " and "
              + truth.length);
    }
    Map<Long, int[]> perClass = new TreeMap<>(); // class -> {correct, total}
    int correct = 0;
    for (int i = 0; i < truth.length; i++) {
      int[] c = perClass.computeIfAbsent(truth[i], x -> new int[2]);
      c[1]++;
      if (predicted[i] == truth[i]) {
        c[0]++;
        correct++;
      }
    }
    Map<Long, Double> accuracies = new TreeMap<>();
    perClass.forEach((label, c) -> accuracies.put(label, (double) c[0] / c[1]));
    double mean = accuracies.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return new ClassificationMetrics((double) correct / truth.length, mean, accuracies);
  }
}
