package dev.repflow.stitching;

import dev.repflow.linalg.Matrices;
import dev.repflow.linalg.SymmetricEigen;

/**
 * Direct matching (least squares): {@code A = pinv([X 1]) Y}, the minimum-norm solution when the
 * system is underdetermined.
 *
 * <p>The pseudo-inverse comes from the eigen-decomposition of the smaller Gram matrix of {@code [X
 * 1]} in double precision; squared singular values below {@link
 * PrincipalSubspace#RELATIVE_TOLERANCE} of the largest count as zero, as numpy's {@code rcond} does
 * for round-off.
 */
public final class DirectMatching {
  private DirectMatching() {}

  /**
   * Fits {@code y ~ x W + b}.
   *
   * @param x {@code [N, D]} front representations
   * @param y {@code [N, E]} end representations of the same inputs
   */
  public static StitchMap fit(double[][] x, double[][] y) {
    int n = x.length;
    if (y.length != n) {
      throw new IllegalArgumentException("front has " + n + " samples but end has " + y.length);
    }
    int d = x[0].length;
    double[][] xa = new double[n][d + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x[i], 0, xa[i], 0, d);
      xa[i][d] = 1;
    }
    double[][] a;
    if (d + 1 <= n) {
      // pinv(Xa) Y = V L+ V^T (Xa^T Y) with Xa^T Xa = V L V^T
      SymmetricEigen eig = SymmetricEigen.of(Matrices.transposeTimes(xa, xa));
      a = Matrices.times(inverseOnRange(eig), Matrices.transposeTimes(xa, y));
    } else {
      // pinv(Xa) Y = Xa^T U L+ U^T Y with Xa Xa^T = U L U^T
      SymmetricEigen eig = SymmetricEigen.of(Matrices.timesTranspose(xa, xa));
      a = Matrices.transposeTimes(xa, Matrices.times(inverseOnRange(eig), y));
    }
    double[][] weights = new double[d][];
    System.arraycopy(a, 0, weights, 0, d);
    return new StitchMap(weights, a[d]);
  }

  /** {@code V L+ V^T}: the pseudo-inverse of a symmetric positive semi-definite matrix. */
  private static double[][] inverseOnRange(SymmetricEigen eig) {
    int m = eig.values().length;
    double largest = Math.max(eig.values()[0], Double.MIN_NORMAL);
    double[][] scaled = new double[m][m];
    double[][] v = eig.vectors();
    for (int k = 0; k < m; k++) {
      double lambda = eig.values()[k];
      if (lambda > PrincipalSubspace.RELATIVE_TOLERANCE * largest) {
        for (int i = 0; i < m; i++) {
          scaled[i][k] = v[i][k] / lambda;
        }
      }
    }
    return Matrices.timesTranspose(scaled, v);
  }

  /**
   * A fitted affine map {@code x W + b}.
   *
   * @param weights {@code [D, E]}
   * @param bias {@code [E]}
   */
  public record StitchMap(double[][] weights, double[] bias) {}
}
