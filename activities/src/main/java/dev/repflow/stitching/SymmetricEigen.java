package dev.repflow.stitching;

import dev.repflow.steps.Liveness;

/**
 * Eigen-decomposition of a real symmetric matrix by cyclic Jacobi rotations, in double precision.
 *
 * <p>DJL 0.36 has no SVD or eigen solver; Jacobi is short, unconditionally stable and accurate to
 * machine precision, and the matrices here are Gram or covariance matrices of at most a few hundred
 * rows, where its O(n^3) per sweep is fine.
 *
 * @param values eigenvalues, descending
 * @param vectors {@code [n, n]}, column k is the unit eigenvector of {@code values[k]}
 */
public record SymmetricEigen(double[] values, double[][] vectors) {
  private static final int MAX_SWEEPS = 100;

  /** Decomposes {@code matrix} ({@code [n, n]}, symmetric; only read, never modified). */
  public static SymmetricEigen of(double[][] matrix) {
    int n = matrix.length;
    double[][] a = new double[n][];
    double total = 0;
    for (int i = 0; i < n; i++) {
      if (matrix[i].length != n) {
        throw new IllegalArgumentException("matrix is not square: row " + i);
      }
      a[i] = matrix[i].clone();
      for (double x : a[i]) {
        total += x * x;
      }
    }
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (off <= 1e-30 * total || off == 0) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (a[p][q] != 0) {
            rotate(a, v, p, q);
          }
        }
        // A sweep is O(n^3): about 3 s for n = 500 on a shared core, minutes for a few thousand.
        Liveness.tick();
      }
    }
    return sorted(a, v);
  }

  /** One rotation J (Golub and Van Loan, sym.schur2) zeroing a[p][q]: A = J^T A J, V = V J. */
  private static void rotate(double[][] a, double[][] v, int p, int q) {
    int n = a.length;
    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
    double t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    for (int k = 0; k < n; k++) {
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    double[] rowP = a[p];
    double[] rowQ = a[q];
    for (int k = 0; k < n; k++) {
      double apk = rowP[k];
      double aqk = rowQ[k];
      rowP[k] = c * apk - s * aqk;
      rowQ[k] = s * apk + c * aqk;
    }
    for (int k = 0; k < n; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }

  private static SymmetricEigen sorted(double[][] a, double[][] v) {
    int n = a.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
    double[] values = new double[n];
    double[][] vectors = new double[n][n];
    for (int k = 0; k < n; k++) {
      values[k] = a[order[k]][order[k]];
      for (int i = 0; i < n; i++) {
        vectors[i][k] = v[i][order[k]];
      }
    }
    return new SymmetricEigen(values, vectors);
  }
}
