package dev.repflow.stitching;

/** Dense double-precision helpers on row-major {@code double[rows][cols]} matrices. */
final class Matrices {
  private Matrices() {}

  /** {@code a^T b}: {@code [n, p]^T [n, q] -> [p, q]}. */
  static double[][] transposeTimes(double[][] a, double[][] b) {
    int p = a[0].length;
    int q = b[0].length;
    double[][] out = new double[p][q];
    for (int n = 0; n < a.length; n++) {
      double[] an = a[n];
      double[] bn = b[n];
      for (int i = 0; i < p; i++) {
        double x = an[i];
        if (x != 0) {
          double[] row = out[i];
          for (int j = 0; j < q; j++) {
            row[j] += x * bn[j];
          }
        }
      }
    }
    return out;
  }

  /** {@code a b}: {@code [n, p] [p, q] -> [n, q]}. */
  static double[][] times(double[][] a, double[][] b) {
    int q = b[0].length;
    double[][] out = new double[a.length][q];
    for (int n = 0; n < a.length; n++) {
      double[] row = out[n];
      for (int k = 0; k < b.length; k++) {
        double x = a[n][k];
        if (x != 0) {
          double[] bk = b[k];
          for (int j = 0; j < q; j++) {
            row[j] += x * bk[j];
          }
        }
      }
    }
    return out;
  }

  /** {@code a b^T}: {@code [n, p] [m, p]^T -> [n, m]}. */
  static double[][] timesTranspose(double[][] a, double[][] b) {
    double[][] out = new double[a.length][b.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        double s = 0;
        double[] ai = a[i];
        double[] bj = b[j];
        for (int k = 0; k < ai.length; k++) {
          s += ai[k] * bj[k];
        }
        out[i][j] = s;
      }
    }
    return out;
  }

  /** Column means of {@code x} {@code [n, d] -> [d]}. */
  static double[] columnMeans(double[][] x) {
    double[] mean = new double[x[0].length];
    for (double[] row : x) {
      for (int j = 0; j < mean.length; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < mean.length; j++) {
      mean[j] /= x.length;
    }
    return mean;
  }

  /** {@code x} minus {@code mean} from every row (a copy). */
  static double[][] centered(double[][] x, double[] mean) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = new double[mean.length];
      for (int j = 0; j < mean.length; j++) {
        out[i][j] = x[i][j] - mean[j];
      }
    }
    return out;
  }

  static double frobeniusSquared(double[][] a) {
    double s = 0;
    for (double[] row : a) {
      for (double v : row) {
        s += v * v;
      }
    }
    return s;
  }

  /** Float rows widened to double. */
  static double[][] toDouble(float[][] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = new double[x[i].length];
      for (int j = 0; j < x[i].length; j++) {
        out[i][j] = x[i][j];
      }
    }
    return out;
  }
}
