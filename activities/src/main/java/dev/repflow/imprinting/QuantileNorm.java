package dev.repflow.imprinting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Quantile normalization of imprinted weights, as IMPRINT's {@code quantile_norm} applied in {@code
 * ImprintedModel.extend_ws}: classes are imprinted one after the other (class rows 0, 1, ...); the
 * reference distribution of class c is every value of the weights imprinted before it (classes
 * {@code < c}, already normalized), and each of class c's weight vectors {@code [D]} gets, rank for
 * rank, the reference's quantiles at levels {@code (i + 0.5) / D}, i = 0..D-1 (linear
 * interpolation, as torch.quantile and numpy's default). The first class has no reference and keeps
 * its weights.
 */
final class QuantileNorm {
  private QuantileNorm() {}

  /**
   * @param vectors {@code [P, D]} generated weights
   * @param classOf {@code [P]} class row 0..K-1 of each
   * @return {@code [P, D]} normalized weights, same row order
   */
  static double[][] imprint(double[][] vectors, int[] classOf, int classes) {
    double[][] out = new double[vectors.length][];
    List<double[]> imprinted = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      double[] reference = imprinted.isEmpty() ? null : flatSorted(imprinted);
      for (int p = 0; p < vectors.length; p++) {
        if (classOf[p] == c) {
          out[p] =
              reference == null
                  ? vectors[p].clone()
                  : byRank(vectors[p], quantiles(reference, vectors[p].length));
        }
      }
      for (int p = 0; p < vectors.length; p++) {
        if (classOf[p] == c) {
          imprinted.add(out[p]);
        }
      }
    }
    return out;
  }

  /** Quantiles of sorted {@code values} at {@code (i + 0.5) / n}, i = 0..n-1, linear. */
  static double[] quantiles(double[] sorted, int n) {
    double[] q = new double[n];
    int last = sorted.length - 1;
    for (int i = 0; i < n; i++) {
      double pos = (i + 0.5) / n * last;
      int lo = (int) Math.floor(pos);
      int hi = Math.min(lo + 1, last);
      q[i] = sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
    return q;
  }

  /** {@code row}'s i-th smallest entry replaced by {@code ascending[i]}. */
  static double[] byRank(double[] row, double[] ascending) {
    Integer[] order = new Integer[row.length];
    for (int d = 0; d < row.length; d++) {
      order[d] = d;
    }
    Arrays.sort(order, (a, b) -> Double.compare(row[a], row[b]));
    double[] out = new double[row.length];
    for (int r = 0; r < row.length; r++) {
      out[order[r]] = ascending[r];
    }
    return out;
  }

  private static double[] flatSorted(List<double[]> rows) {
    double[] all = rows.stream().flatMapToDouble(Arrays::stream).toArray();
    Arrays.sort(all);
    return all;
  }
}
