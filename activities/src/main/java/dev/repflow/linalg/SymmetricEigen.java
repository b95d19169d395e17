package dev.repflow.linalg;

import dev.repflow.steps.Liveness;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigen-decomposition of a real symmetric matrix in double precision (EJML's symmetric QR
 * algorithm: Householder tridiagonalisation, then implicit QR steps).
 *
 * <p>Eigenvectors are only defined up to sign; each is returned with its largest-magnitude entry
 * (the first one, on equal magnitudes) positive, so the result is a pure function of the matrix.
 *
 * @param values eigenvalues, descending
 * @param vectors {@code [n, n]}, column k is the unit eigenvector of {@code values[k]}
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

  /** Decomposes {@code matrix} ({@code [n, n]}, symmetric; only read, never modified). */
  public static SymmetricEigen of(double[][] matrix) {
    int n = matrix.length;
    for (int i = 0; i < n; i++) {
      if (matrix[i].length != n) {
        throw new IllegalArgumentException("matrix is not square: row " + i);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    // EJML offers no progress hook; it takes seconds where the old Jacobi solver took minutes
    // (n = 1000), and the step's heartbeat hears of it before and after.
    Liveness.tick();
    boolean done = eig.decompose(Matrices.matrix(matrix));
    Liveness.tick();
    if (!done) {
      throw new IllegalStateException("eigen-decomposition of a [" + n + ", " + n + "] failed");
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, (i, j) -> Double.compare(eig.getEigenvalue(j).real, eig.getEigenvalue(i).real));
    double[] values = new double[n];
    double[][] vectors = new double[n][n];
    for (int k = 0; k < n; k++) {
      values[k] = eig.getEigenvalue(order[k]).real;
      double[] v = eig.getEigenVector(order[k]).data;
      double sign = Math.signum(v[largest(v)]);
      for (int i = 0; i < n; i++) {
        vectors[i][k] = sign * v[i];
      }
    }
    return new SymmetricEigen(values, vectors);
  }

  private static int largest(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (Math.abs(v[i]) > Math.abs(v[best])) {
        best = i;
      }
    }
    return best;
  }
}
