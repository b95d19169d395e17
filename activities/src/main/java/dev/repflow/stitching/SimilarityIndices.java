package dev.repflow.stitching;

import dev.repflow.linalg.Matrices;
import dev.repflow.linalg.SymmetricEigen;

/**
 * Similarity indices between two representations of the same N inputs, rows = inputs. Both are
 * invariant to orthogonal transforms and isotropic scaling, so callers may pass principal
 * coordinates instead of the raw (wide) representations.
 */
public final class SimilarityIndices {
  private SimilarityIndices() {}

  /**
   * Linear CKA (Kornblith et al. 2019): {@code ||Yc^T Xc||_F^2 / (||Xc^T Xc||_F ||Yc^T Yc||_F)}.
   *
   * @param x {@code [N, Dx]}
   * @param y {@code [N, Dy]}
   */
  public static double linearCka(double[][] x, double[][] y) {
    double[][] xc = Matrices.centered(x, Matrices.columnMeans(x));
    double[][] yc = Matrices.centered(y, Matrices.columnMeans(y));
    double cross = Matrices.frobeniusSquared(Matrices.transposeTimes(xc, yc));
    double xx = Math.sqrt(Matrices.frobeniusSquared(Matrices.transposeTimes(xc, xc)));
    double yy = Math.sqrt(Matrices.frobeniusSquared(Matrices.transposeTimes(yc, yc)));
    return cross / (xx * yy);
  }

  /**
   * Orthogonal Procrustes distance (Ding et al. 2021): centre, scale to unit Frobenius norm, then
   * {@code 2 - 2 ||Xc^T Yc||_*}; 0 for identical representations up to rotation, at most 2.
   */
  public static double procrustes(double[][] x, double[][] y) {
    double[][] xc = normalized(x);
    double[][] yc = normalized(y);
    double[][] m = Matrices.transposeTimes(xc, yc);
    SymmetricEigen eig = SymmetricEigen.of(Matrices.transposeTimes(m, m));
    double nuclear = 0;
    for (double lambda : eig.values()) {
      nuclear += Math.sqrt(Math.max(lambda, 0));
    }
    return Math.max(0, 2 - 2 * nuclear);
  }

  private static double[][] normalized(double[][] x) {
    double[][] xc = Matrices.centered(x, Matrices.columnMeans(x));
    double norm = Math.sqrt(Matrices.frobeniusSquared(xc));
    for (double[] row : xc) {
      for (int j = 0; j < row.length; j++) {
        row[j] /= norm;
      }
    }
    return xc;
  }
}
