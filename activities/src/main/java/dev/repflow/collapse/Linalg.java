package dev.repflow.collapse;

/** Small dense helpers on {@code double[]} rows; no allocation beyond the returned arrays. */
final class Linalg {
  private Linalg() {}

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  static double[] scale(double[] a, double factor) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] * factor;
    }
    return out;
  }

  /** Mean of the rows {@code [K, D] -> [D]}. */
  static double[] columnMean(double[][] rows) {
    double[] out = new double[rows[0].length];
    for (double[] row : rows) {
      for (int d = 0; d < out.length; d++) {
        out[d] += row[d];
      }
    }
    return scale(out, 1.0 / rows.length);
  }

  /** Every row minus {@code v}: {@code [K, D]}. */
  static double[][] subtract(double[][] rows, double[] v) {
    double[][] out = new double[rows.length][v.length];
    for (int k = 0; k < rows.length; k++) {
      for (int d = 0; d < v.length; d++) {
        out[k][d] = rows[k][d] - v[d];
      }
    }
    return out;
  }

  /** Every row scaled to unit length; {@code eps} guards zero rows as the reference library. */
  static double[][] normalizeRows(double[][] rows, double eps) {
    double[][] out = new double[rows.length][];
    for (int k = 0; k < rows.length; k++) {
      out[k] = scale(rows[k], 1.0 / (norm(rows[k]) + eps));
    }
    return out;
  }

  static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return s;
  }
}
