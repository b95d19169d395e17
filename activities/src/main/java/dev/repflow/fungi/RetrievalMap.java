package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.repflow.models.Scalars;
import java.util.Arrays;

/**
 * Mean average precision of queries ranking a database by Euclidean distance; relevant = same
 * label. AP of a query = mean over its relevant items of the precision at their rank.
 */
final class RetrievalMap {
  private static final int BLOCK = 256;

  private RetrievalMap() {}

  static double of(
      NDManager manager, float[][] database, long[] dbLabels, float[][] queries, long[] qLabels) {
    double total = 0;
    try (NDManager scope = manager.newSubManager()) {
      NDArray db = scope.create(database).toType(DataType.FLOAT64, false);
      NDArray dbNorms = db.square().sum(new int[] {1}).expandDims(0);
      for (int start = 0; start < queries.length; start += BLOCK) {
        int end = Math.min(queries.length, start + BLOCK);
        try (NDManager block = scope.newSubManager()) {
          NDArray q =
              block.create(Arrays.copyOfRange(queries, start, end)).toType(DataType.FLOAT64, false);
          NDArray dist =
              q.square()
                  .sum(new int[] {1}, true)
                  .sub(q.matMul(db.transpose()).mul(Scalars.of(q, 2)))
                  .add(dbNorms);
          double[] flat = dist.toDoubleArray();
          for (int i = start; i < end; i++) {
            total +=
                averagePrecision(
                    flat, (i - start) * database.length, database.length, dbLabels, qLabels[i]);
          }
        }
      }
    }
    return total / queries.length;
  }

  /** AP of one query whose distances are {@code dist[offset, offset + n)}. */
  static double averagePrecision(double[] dist, int offset, int n, long[] labels, long label) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(dist[offset + a], dist[offset + b]));
    int hits = 0;
    double sum = 0;
    for (int rank = 0; rank < n; rank++) {
      if (labels[order[rank]] == label) {
        hits++;
        sum += hits / (double) (rank + 1);
      }
    }
    return hits == 0 ? 0 : sum / hits;
  }
}
