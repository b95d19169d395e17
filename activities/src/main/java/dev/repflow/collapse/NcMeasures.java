package dev.repflow.collapse;

import dev.repflow.linalg.Matrices;
import dev.repflow.linalg.SymmetricEigen;

/**
 * Neural-collapse measures on finished statistics, with the definitions of the reference library
 * ({@code neural_collapse.measure} / {@code kernels}). Means are {@code [K, D]}; the global mean is
 * the unweighted mean of the class means.
 */
public final class NcMeasures {
  /** Guard of the reference's {@code normalize}: float32 machine epsilon. */
  static final double NORMALIZE_EPS = Math.ulp(1.0f);

  private NcMeasures() {}

  /** Between-class covariance {@code Sigma_B = Mc^T Mc / K}, {@code [D, D]}. */
  static double[][] betweenCovariance(double[][] centred) {
    int k = centred.length;
    int dim = centred[0].length;
    double[][] out = new double[dim][dim];
    for (double[] m : centred) {
      for (int a = 0; a < dim; a++) {
        for (int b = 0; b < dim; b++) {
          out[a][b] += m[a] * m[b] / k;
        }
      }
    }
    return out;
  }

  /** NC1 covariance ratio of within-class covariance {@code sigmaW [D, D]} to between-class. */
  public static double covarianceRatio(
      double[][] sigmaW, double[][] means, double[] globalMean, Nc1Method method) {
    int k = means.length;
    double[][] sigmaB = betweenCovariance(Matrices.centered(means, globalMean));
    if (method == Nc1Method.QUOTIENT) {
      return trace(sigmaW) / trace(sigmaB);
    }
    SymmetricEigen eigen = SymmetricEigen.of(sigmaB); // values descending
    double[] values = eigen.values();
    int dim = values.length;
    // PINV: torch.linalg.pinv's default cut-off, D * eps * largest; SVD: the top K-1 directions.
    double cutoff = dim * Math.ulp(1.0) * values[0];
    int keep = method == Nc1Method.SVD ? Math.min(k - 1, dim) : dim;
    double[][] vectors = eigen.vectors();
    double[][] withinTimesVectors = Matrices.times(sigmaW, vectors);
    double sum = 0;
    for (int i = 0; i < keep; i++) {
      if (method == Nc1Method.PINV && values[i] <= cutoff) {
        continue;
      }
      double quadratic = 0; // v^T sigmaW v
      for (int a = 0; a < dim; a++) {
        quadratic += vectors[a][i] * withinTimesVectors[a][i];
      }
      sum += quadratic / values[i];
    }
    return sum / k;
  }

  /** NC1 class-distance normalized variance, averaged over class pairs (Galanti et al. 2021). */
  public static double cdnv(double[] varianceNorms, double[][] means, int tile) {
    return PairwiseStats.meanAndVariance(
        means.length,
        tile,
        (i, j) ->
            (varianceNorms[i] + varianceNorms[j])
                / 2
                / Matrices.squaredDistance(means[i], means[j]))[0];
  }

  /** NC2 excess incoherence of the centred means from a simplex ETF (Kothapalli 2023). */
  public static double simplexEtfError(double[][] means, double[] globalMean) {
    double[][] centred = Matrices.centered(means, globalMean);
    return structureError(centred, centred);
  }

  /** NC2 (generalized): {@code [mean, variance]} of a kernel over normalized centred means. */
  public static double[] kernelStats(
      double[][] means, double[] globalMean, Kernel kernel, int tile) {
    double[][] unit = Matrices.normalizeRows(Matrices.centered(means, globalMean), NORMALIZE_EPS);
    int dim = globalMean.length;
    return PairwiseStats.meanAndVariance(
        unit.length,
        tile,
        (i, j) -> kernel.apply(Math.sqrt(Matrices.squaredDistance(unit[i], unit[j])), dim));
  }

  /** NC3 self-duality: ETF error of the cross structure of classifier {@code [K, D]} and means. */
  public static double selfDualityError(double[][] weights, double[][] means, double[] globalMean) {
    return structureError(Matrices.centered(means, globalMean), weights);
  }

  /** NC3 uniform duality: sample variance over classes of {@code w_k . (mu_k - mu_G)}. */
  public static double uniformDualityVariance(
      double[][] weights, double[][] means, double[] globalMean) {
    double[][] centred = Matrices.centered(means, globalMean);
    int k = means.length;
    double[] sims = new double[k];
    double mean = 0;
    for (int c = 0; c < k; c++) {
      sims[c] = Matrices.dot(weights[c], centred[c]);
      mean += sims[c] / k;
    }
    double ss = 0;
    for (double s : sims) {
      ss += (s - mean) * (s - mean);
    }
    return ss / (k - 1);
  }

  /** NC5: mean over classes of {@code |cos(mu_k, mu_G^ood)|} (Ammar et al. 2024). */
  public static double orthogonalityDeviation(double[][] means, double[] oodGlobalMean) {
    double total = 0;
    double oodNorm = Matrices.norm(oodGlobalMean);
    for (double[] m : means) {
      total += Math.abs(Matrices.dot(m, oodGlobalMean) / (Matrices.norm(m) * oodNorm));
    }
    return total / means.length;
  }

  /**
   * {@code || S/||S||_F - ETF ||_F} with {@code S = B A^T} {@code [K, K]} and the normalized
   * simplex ETF Gram {@code (I - 11^T/K) / sqrt(K-1)}.
   */
  static double structureError(double[][] a, double[][] b) {
    int k = a.length;
    double[][] s = new double[k][k];
    double fro = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        s[i][j] = Matrices.dot(b[i], a[j]);
        fro += s[i][j] * s[i][j];
      }
    }
    fro = Math.sqrt(fro);
    double off = 1.0 / k / Math.sqrt(k - 1);
    double diag = 1.0 / Math.sqrt(k - 1);
    double err = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double e = s[i][j] / fro + off - (i == j ? diag : 0);
        err += e * e;
      }
    }
    return Math.sqrt(err);
  }

  private static double trace(double[][] m) {
    double t = 0;
    for (int i = 0; i < m.length; i++) {
      t += m[i][i];
    }
    return t;
  }
}
