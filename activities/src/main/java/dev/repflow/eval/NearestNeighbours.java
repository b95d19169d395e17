package dev.repflow.eval;

import java.util.Arrays;

/**
 * The exact k nearest memory rows of one query, from approximate distances with a known error bound
 * ({@link dev.repflow.linalg.DistanceBlocks}).
 *
 * <p>Definition: rows ordered by their squared Euclidean distance to the query computed in float64
 * from the float32 features ({@code sum_j (q_j - m_j)^2}), equal distances by row index. Rows whose
 * approximate distance cannot place them among the k nearest are dropped; the rest (usually k or a
 * few more) are measured exactly and sorted.
 */
public final class NearestNeighbours {
  private NearestNeighbours() {}

  /**
   * @param approx {@code [M]} squared distances, each within {@code bound} of the exact one
   * @param query {@code [D]}
   * @param memory {@code [M, D]}
   * @return indices {@code [k]} of the nearest rows, nearest first
   */
  public static int[] of(double[] approx, double bound, float[] query, float[][] memory, int k) {
    // Some k rows are within kth + bound, so the k-th exact distance is too; a row whose
    // approximate distance exceeds kth + 2 bound is farther than that.
    double limit = kthSmallest(approx, k) + 2 * bound;
    int count = 0;
    for (double d : approx) {
      count += d <= limit ? 1 : 0;
    }
    int[] candidates = new int[count];
    double[] exact = new double[count];
    int c = 0;
    for (int j = 0; j < approx.length; j++) {
      if (approx[j] <= limit) {
        candidates[c] = j;
        exact[c++] = squaredDistance(query, memory[j]);
      }
    }
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byDistance = Double.compare(exact[a], exact[b]);
          return byDistance != 0 ? byDistance : Integer.compare(candidates[a], candidates[b]);
        });
    int[] nearest = new int[k];
    for (int i = 0; i < k; i++) {
      nearest[i] = candidates[order[i]];
    }
    return nearest;
  }

  /** The k-th smallest value (1-based) of {@code values}, with a bounded max-heap. */
  static double kthSmallest(double[] values, int k) {
    double[] heap = new double[k]; // max-heap of the k smallest so far
    for (int i = 0; i < k; i++) {
      heap[i] = values[i];
      siftUp(heap, i);
    }
    for (int i = k; i < values.length; i++) {
      if (values[i] < heap[0]) {
        heap[0] = values[i];
        siftDown(heap, k);
      }
    }
    return heap[0];
  }

  private static void siftUp(double[] heap, int i) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (heap[parent] >= heap[i]) {
        return;
      }
      swap(heap, parent, i);
      i = parent;
    }
  }

  private static void siftDown(double[] heap, int size) {
    int i = 0;
    while (true) {
      int largest = i;
      for (int child = 2 * i + 1; child <= 2 * i + 2 && child < size; child++) {
        if (heap[child] > heap[largest]) {
          largest = child;
        }
      }
      if (largest == i) {
        return;
      }
      swap(heap, i, largest);
      i = largest;
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /** {@code sum_j (q_j - m_j)^2} in float64; float32 differences are exact in float64. */
  public static double squaredDistance(float[] q, float[] m) {
    double s = 0;
    for (int j = 0; j < q.length; j++) {
      double diff = (double) q[j] - m[j];
      s += diff * diff;
    }
    return s;
  }
}
