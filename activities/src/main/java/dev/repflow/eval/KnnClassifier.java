package dev.repflow.eval;

import ai.djl.ndarray.NDManager;
import dev.repflow.linalg.DistanceBlocks;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Brute-force k-nearest-neighbour classifier: Euclidean distance, uniform vote.
 *
 * <p>Distances come from one float32 matrix product per block of queries ({@link DistanceBlocks});
 * the neighbours are then exact ({@link NearestNeighbours}: float64 distances of the float32
 * features, equal distances by memory index), so predictions equal scikit-learn's brute-force
 * {@code KNeighborsClassifier} on the same features (which orders exactly equal distances in no
 * documented way; {@code SklearnAgreementTest}). Tied votes go to the smallest label, as in
 * scikit-learn.
 */
public final class KnnClassifier {
  private final NDManager manager;
  private final int k;

  /**
   * @param manager parent scope of the distance blocks
   * @param k neighbours per query, at most the memory size
   */
  public KnnClassifier(NDManager manager, int k) {
    this.manager = manager;
    this.k = k;
  }

  /**
   * Predicts a label per query.
   *
   * @param memory {@code [M, D]} reference features
   * @param memoryLabels {@code [M]}
   * @param queries {@code [Q, D]}
   * @param onBlock called with the number of queries done after each block (progress)
   * @return {@code [Q]} predicted labels
   */
  public long[] predict(
      float[][] memory, long[] memoryLabels, float[][] queries, IntConsumer onBlock) {
    checkK(k, memory.length);
    long[] predictions = new long[queries.length];
    try (DistanceBlocks distances = new DistanceBlocks(manager, memory)) {
      distances.forEachRow(
          queries,
          (q, row, bound) ->
              predictions[q] =
                  vote(NearestNeighbours.of(row, bound, queries[q], memory, k), memoryLabels),
          onBlock);
    }
    return predictions;
  }

  /**
   * @throws IllegalArgumentException when {@code k} is larger than the memory set
   */
  public static void checkK(int k, int memorySize) {
    if (k > memorySize) {
      throw new IllegalArgumentException(
          "k=" + k + " is larger than the memory set (" + memorySize + " rows)");
    }
  }

  /** Majority label among neighbours; ties go to the smallest label. */
  public static long vote(int[] neighbours, long[] labels) {
    long[] votes = new long[neighbours.length];
    for (int i = 0; i < neighbours.length; i++) {
      votes[i] = labels[neighbours[i]];
    }
    Arrays.sort(votes);
    long best = votes[0];
    int bestCount = 0;
    for (int i = 0; i < votes.length; ) {
      int j = i;
      while (j < votes.length && votes[j] == votes[i]) {
        j++;
      }
      if (j - i > bestCount) { // strictly more: among equal counts the smaller label stays
        best = votes[i];
        bestCount = j - i;
      }
      i = j;
    }
    return best;
  }
}
