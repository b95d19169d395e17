package dev.repflow.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Dense double-precision helpers on row-major {@code double[rows][cols]} matrices and {@code
 * double[]} vectors. Products and solves go through EJML; the results are new arrays, the inputs
 * are never modified.
 */
public final class Matrices {
  private Matrices() {}

  /** {@code a^T b}: {@code [n, p]^T [n, q] -> [p, q]}. */
  public static double[][] transposeTimes(double[][] a, double[][] b) {
    DMatrixRMaj out = new DMatrixRMaj(a[0].length, b[0].length);
    CommonOps_DDRM.multTransA(matrix(a), matrix(b), out);
    return rows(out);
  }

  /** {@code a b}: {@code [n, p] [p, q] -> [n, q]}. */
  public static double[][] times(double[][] a, double[][] b) {
    DMatrixRMaj out = new DMatrixRMaj(a.length, b[0].length);
    CommonOps_DDRM.mult(matrix(a), matrix(b), out);
    return rows(out);
  }

  /** {@code a b^T}: {@code [n, p] [m, p]^T -> [n, m]}. */
  public static double[][] timesTranspose(double[][] a, double[][] b) {
    DMatrixRMaj out = new DMatrixRMaj(a.length, b.length);
    CommonOps_DDRM.multTransB(matrix(a), matrix(b), out);
    return rows(out);
  }

  /**
   * Solves {@code a x = b} for symmetric positive-definite {@code a} by Cholesky.
   *
   * @param a {@code [n, n]}
   * @param b {@code [n, m]}
   * @return x {@code [n, m]}
   * @throws IllegalArgumentException when {@code a} is not positive definite
   */
  public static double[][] solvePositiveDefinite(double[][] a, double[][] b) {
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(a.length);
    if (!solver.setA(matrix(a))) {
      throw new IllegalArgumentException(
          "matrix [" + a.length + ", " + a.length + "] is not positive definite");
    }
    DMatrixRMaj x = new DMatrixRMaj(a.length, b[0].length);
    solver.solve(matrix(b), x);
    return rows(x);
  }

  /** Column means {@code [n, d] -> [d]}. */
  public static double[] columnMeans(double[][] x) {
    double[] mean = new double[x[0].length];
    for (double[] row : x) {
      for (int j = 0; j < mean.length; j++) {
        mean[j] += row[j];
      }
    }
    return scale(mean, 1.0 / x.length);
  }

  /** Every row minus {@code v}: {@code [n, d]} (a copy). */
  public static double[][] centered(double[][] x, double[] v) {
    double[][] out = new double[x.length][v.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < v.length; j++) {
        out[i][j] = x[i][j] - v[j];
      }
    }
    return out;
  }

  /** Every row scaled to unit length; {@code eps} is added to each norm to guard zero rows. */
  public static double[][] normalizeRows(double[][] rows, double eps) {
    double[][] out = new double[rows.length][];
    for (int k = 0; k < rows.length; k++) {
      out[k] = scale(rows[k], 1.0 / (norm(rows[k]) + eps));
    }
    return out;
  }

  public static double frobeniusSquared(double[][] a) {
    double s = 0;
    for (double[] row : a) {
      s += dot(row, row);
    }
    return s;
  }

  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  public static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  public static double[] scale(double[] a, double factor) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] * factor;
    }
    return out;
  }

  public static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return s;
  }

  /** Float rows widened to double. */
  public static double[][] toDouble(float[][] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = new double[x[i].length];
      for (int j = 0; j < x[i].length; j++) {
        out[i][j] = x[i][j];
      }
    }
    return out;
  }

  static DMatrixRMaj matrix(double[][] rows) {
    return new DMatrixRMaj(rows);
  }

  static double[][] rows(DMatrixRMaj m) {
    double[][] out = new double[m.numRows][m.numCols];
    for (int i = 0; i < m.numRows; i++) {
      System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
    }
    return out;
  }
}
