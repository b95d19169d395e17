package dev.repflow.fungi;

import ai.djl.ndarray.NDManager;
import dev.repflow.linalg.DistanceBlocks;
import java.util.Arrays;

/**
 * Mean average precision of queries ranking a database by Euclidean distance; relevant = same
 * label. AP of a query = mean over its relevant items of the precision at their rank; at equal
 * distance relevant items rank first. Distances are {@link DistanceBlocks}' (float32 cross term),
 * so near-equal distances may rank differently from a float64 computation: mAP moves by ~1e-6.
 */
final class RetrievalMap {
  private RetrievalMap() {}

  /**
   * @param database {@code [M, D]}
   * @param queries {@code [Q, D]}
   */
  static double of(
      NDManager manager, float[][] database, long[] dbLabels, float[][] queries, long[] qLabels) {
    double[] ap = new double[queries.length];
    try (DistanceBlocks distances = new DistanceBlocks(manager, database)) {
      distances.forEachRow(
          queries, (q, row, bound) -> ap[q] = averagePrecision(row, dbLabels, qLabels[q]), d -> {});
    }
    return mean(ap);
  }

  /** The mean of per-query APs, summed in query order (rows are computed in parallel). */
  static double mean(double[] ap) {
    double sum = 0;
    for (double v : ap) {
      sum += v;
    }
    return sum / ap.length;
  }

  /**
   * AP of one query: the relevant and the other distances are sorted apart, then the rank of each
   * relevant item is its place among the relevant ones plus the others strictly nearer.
   *
   * @param distances {@code [M]} to every database item
   */
  static double averagePrecision(double[] distances, long[] labels, long label) {
    int relevantCount = 0;
    for (long l : labels) {
      relevantCount += l == label ? 1 : 0;
    }
    if (relevantCount == 0) {
      return 0;
    }
    double[] relevant = new double[relevantCount];
    double[] others = new double[labels.length - relevantCount];
    int r = 0;
    int o = 0;
    for (int j = 0; j < labels.length; j++) {
      if (labels[j] == label) {
        relevant[r++] = distances[j];
      } else {
        others[o++] = distances[j];
      }
    }
    Arrays.sort(relevant);
    Arrays.sort(others);
    double sum = 0;
    int nearer = 0;
    for (int hit = 0; hit < relevantCount; hit++) {
      while (nearer < others.length && others[nearer] < relevant[hit]) {
        nearer++;
      }
      sum += (hit + 1) / (double) (hit + 1 + nearer);
    }
    return sum / relevantCount;
  }
}
