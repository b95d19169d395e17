package dev.repflow.imprinting;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Row normalizations (NORM): {@code none}, {@code l2} (unit length), {@code quantile}.
 *
 * <p>Quantile normalization maps each vector's entries, by rank, onto a fixed reference
 * distribution (standard-normal quantiles {@code Phi^-1((r + 0.5) / D)}), so every vector ends up
 * with the same value distribution and only the order of its coordinates carries information. A
 * fixed reference keeps it a per-vector function, usable the same way on train embeddings, proxies
 * and queries.
 */
final class Norms {
  private Norms() {}

  /** Normalized copy of {@code rows [N, D]}. */
  static double[][] apply(String norm, double[][] rows) {
    return switch (norm) {
      case "none" -> rows;
      case "l2" -> l2(rows);
      case "quantile" -> quantile(rows);
      default -> throw new IllegalArgumentException("unknown normalization " + norm);
    };
  }

  private static double[][] l2(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      double s = 0;
      for (double v : rows[i]) {
        s += v * v;
      }
      double inv = 1.0 / Math.max(Math.sqrt(s), 1e-12);
      out[i] = new double[rows[i].length];
      for (int d = 0; d < out[i].length; d++) {
        out[i][d] = rows[i][d] * inv;
      }
    }
    return out;
  }

  private static double[][] quantile(double[][] rows) {
    if (rows.length == 0) {
      return rows;
    }
    int dim = rows[0].length;
    NormalDistribution normal = new NormalDistribution(null, 0, 1);
    double[] reference = new double[dim];
    for (int r = 0; r < dim; r++) {
      reference[r] = normal.inverseCumulativeProbability((r + 0.5) / dim);
    }
    double[][] out = new double[rows.length][dim];
    Integer[] order = new Integer[dim];
    for (int i = 0; i < rows.length; i++) {
      double[] row = rows[i];
      for (int d = 0; d < dim; d++) {
        order[d] = d;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(row[a], row[b]));
      for (int r = 0; r < dim; r++) {
        out[i][order[r]] = reference[r];
      }
    }
    return out;
  }
}
