package dev.repflow.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.repflow.models.Scalars;
import java.util.function.IntConsumer;

/**
 * Brute-force k-nearest-neighbour classifier: Euclidean distance, uniform vote.
 *
 * <p>Distances come from one matrix product per block of queries ({@code |q|^2 - 2 q.m + |m|^2} in
 * float64, so the neighbour order matches an exact computation), which is what makes 30k x 5k x 784
 * pixel baselines take seconds instead of minutes. Tied votes go to the smallest class id, as in
 * scikit-learn; neighbours at exactly equal distance are taken in no guaranteed order.
 */
public final class KnnClassifier {
  private static final int QUERY_BLOCK = 512;

  private final NDManager manager;
  private final int k;

  /**
   * @param manager parent scope; each query block opens a sub-manager of it
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
    if (k > memory.length) {
      throw new IllegalArgumentException(
          "k=" + k + " is larger than the memory set (" + memory.length + " rows)");
    }
    long[] predictions = new long[queries.length];
    try (NDManager scope = manager.newSubManager()) {
      NDArray mem = scope.create(memory).toType(DataType.FLOAT64, false);
      NDArray memNorms = mem.square().sum(new int[] {1});
      for (int start = 0; start < queries.length; start += QUERY_BLOCK) {
        int end = Math.min(queries.length, start + QUERY_BLOCK);
        try (NDManager block = scope.newSubManager()) {
          long[][] neighbours = nearest(block, mem, memNorms, slice(queries, start, end));
          for (int q = 0; q < neighbours.length; q++) {
            predictions[start + q] = vote(neighbours[q], memoryLabels);
          }
        }
        onBlock.accept(end);
      }
    }
    return predictions;
  }

  /** Indices {@code [B, k]} of the k nearest memory rows of each query in the block. */
  private long[][] nearest(NDManager block, NDArray mem, NDArray memNorms, float[][] queries) {
    NDArray q = block.create(queries).toType(DataType.FLOAT64, false);
    NDArray qNorms = q.square().sum(new int[] {1}, true);
    // Squared distances [B, M]; the query norm does not change the order but keeps values exact.
    NDArray distances =
        qNorms.sub(q.matMul(mem.transpose()).mul(Scalars.of(q, 2))).add(memNorms.expandDims(0));
    NDList top = distances.topK(k, 1, false, true);
    NDArray indices = top.get(1).toType(DataType.INT64, false);
    long[] flat = indices.toLongArray();
    long[][] result = new long[queries.length][k];
    for (int i = 0; i < queries.length; i++) {
      System.arraycopy(flat, i * k, result[i], 0, k);
    }
    return result;
  }

  /** Majority label among neighbours; ties go to the smallest label. */
  static long vote(long[] neighbours, long[] labels) {
    java.util.TreeMap<Long, Integer> counts = new java.util.TreeMap<>();
    for (long n : neighbours) {
      counts.merge(labels[(int) n], 1, Integer::sum);
    }
    long best = counts.firstKey();
    int bestCount = 0;
    for (var e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  private static float[][] slice(float[][] rows, int from, int to) {
    return java.util.Arrays.copyOfRange(rows, from, to);
  }
}
