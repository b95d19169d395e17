package dev.repflow.stitching;

import dev.repflow.linalg.Matrices;
import dev.repflow.linalg.SymmetricEigen;

/**
 * The top-{@code r} principal subspace of a sample of representations: how "retain rank r" is
 * defined throughout this package (centre, keep the r leading principal directions).
 *
 * @param mean {@code [D]} sample mean
 * @param basis {@code [D, r]} orthonormal principal directions, by decreasing variance
 */
public record PrincipalSubspace(double[] mean, double[][] basis) {
  /** Eigenvalues below this share of the largest are treated as zero (round-off). */
  static final double RELATIVE_TOLERANCE = 1e-12;

  /** Largest rank {@link #fit} accepts for {@code n} samples of {@code d} dimensions. */
  public static int maxRank(int n, int d) {
    return Math.min(d, n - 1);
  }

  /**
   * Fits the subspace to {@code x} {@code [N, D]}. Uses the smaller of the {@code [D, D]}
   * covariance and the {@code [N, N]} Gram matrix, so wide representations (D in the thousands)
   * stay cheap for a few hundred samples.
   *
   * @param what names the representation in errors, e.g. {@code A.pool2}
   * @throws IllegalArgumentException when {@code rank} exceeds D or N - 1
   */
  public static PrincipalSubspace fit(double[][] x, int rank, String what) {
    int n = x.length;
    int d = x[0].length;
    if (rank < 1 || rank > d) {
      throw new IllegalArgumentException(
          "rank " + rank + " is larger than the representation " + what + " (" + d + " dims)");
    }
    if (rank > n - 1) {
      throw new IllegalArgumentException(
          "rank " + rank + " needs at least " + (rank + 1) + " samples of " + what + ", got " + n);
    }
    double[] mean = Matrices.columnMeans(x);
    double[][] xc = Matrices.centered(x, mean);
    double[][] basis = new double[d][rank];
    if (d <= n) {
      SymmetricEigen eig = SymmetricEigen.of(Matrices.transposeTimes(xc, xc));
      for (int i = 0; i < d; i++) {
        System.arraycopy(eig.vectors()[i], 0, basis[i], 0, rank);
      }
      return new PrincipalSubspace(mean, basis);
    }
    SymmetricEigen eig = SymmetricEigen.of(Matrices.timesTranspose(xc, xc));
    double largest = Math.max(eig.values()[0], Double.MIN_NORMAL);
    for (int k = 0; k < rank; k++) {
      double lambda = eig.values()[k];
      if (lambda <= RELATIVE_TOLERANCE * largest) {
        continue; // no variance left: a zero direction keeps the rank's shape
      }
      double scale = 1 / Math.sqrt(lambda);
      for (int s = 0; s < n; s++) {
        double u = eig.vectors()[s][k] * scale;
        if (u != 0) {
          double[] row = xc[s];
          for (int i = 0; i < d; i++) {
            basis[i][k] += row[i] * u;
          }
        }
      }
    }
    return new PrincipalSubspace(mean, basis);
  }

  public int rank() {
    return basis[0].length;
  }

  /** Principal coordinates {@code (x - mean) basis}: {@code [N, D] -> [N, r]}. */
  public double[][] project(double[][] x) {
    return Matrices.times(Matrices.centered(x, mean), basis);
  }

  /**
   * {@code x} with only the retained rank: {@code mean + (x - mean) basis basis^T}, {@code [N, D]}.
   */
  public double[][] truncate(double[][] x) {
    double[][] back = Matrices.timesTranspose(project(x), basis);
    for (double[] row : back) {
      for (int j = 0; j < row.length; j++) {
        row[j] += mean[j];
      }
    }
    return back;
  }
}
