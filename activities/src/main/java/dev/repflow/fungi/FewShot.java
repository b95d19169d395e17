package dev.repflow.fungi;

import dev.repflow.data.Permutations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Few-shot classification by nearest class mean: per episode, {@code shots} seeded train images per
 * class form the support set; each test image goes to the class whose support mean is nearest
 * (Euclidean).
 */
final class FewShot {
  private FewShot() {}

  /** Accuracies of {@code episodes} episodes, episode e seeded with {@code seed + e}. */
  static double[] episodes(
      float[][] train,
      long[] trainLabels,
      float[][] test,
      long[] testLabels,
      int shots,
      int episodes,
      long seed) {
    Map<Long, List<Integer>> byClass = new TreeMap<>();
    for (int i = 0; i < trainLabels.length; i++) {
      byClass.computeIfAbsent(trainLabels[i], k -> new ArrayList<>()).add(i);
    }
    for (var e : byClass.entrySet()) {
      if (e.getValue().size() < shots) {
        throw new IllegalArgumentException(
            "evaluate.shots: "
                + shots
                + " shots, but class "
                + e.getKey()
                + " has only "
                + e.getValue().size()
                + " train images");
      }
    }
    double[] accuracies = new double[episodes];
    int d = train[0].length;
    for (int ep = 0; ep < episodes; ep++) {
      long[] labels = new long[byClass.size()];
      double[][] means = new double[byClass.size()][d];
      int c = 0;
      for (var e : byClass.entrySet()) {
        List<Integer> members = e.getValue();
        int[] order = Permutations.of(members.size(), seed + ep * 1_000_003L + e.getKey());
        for (int s = 0; s < shots; s++) {
          float[] row = train[members.get(order[s])];
          for (int j = 0; j < d; j++) {
            means[c][j] += row[j] / (double) shots;
          }
        }
        labels[c++] = e.getKey();
      }
      double[] meanNorms = new double[means.length];
      for (int k = 0; k < means.length; k++) {
        for (double v : means[k]) {
          meanNorms[k] += v * v;
        }
      }
      // argmin_k |q - mu_k|^2 = argmin_k |mu_k|^2 - 2 q.mu_k; the first class on ties.
      long correct =
          IntStream.range(0, test.length)
              .parallel()
              .filter(q -> labels[nearestMean(test[q], means, meanNorms)] == testLabels[q])
              .count();
      accuracies[ep] = (double) correct / test.length;
    }
    return accuracies;
  }

  private static int nearestMean(float[] q, double[][] means, double[] meanNorms) {
    int best = 0;
    double bestScore = Double.POSITIVE_INFINITY;
    for (int k = 0; k < means.length; k++) {
      double dot = 0;
      double[] mean = means[k];
      for (int j = 0; j < q.length; j++) {
        dot += q[j] * mean[j];
      }
      double score = meanNorms[k] - 2 * dot;
      if (score < bestScore) {
        bestScore = score;
        best = k;
      }
    }
    return best;
  }
}
