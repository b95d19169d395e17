package dev.repflow.imprinting;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Weight vectors made by GEN from a task's train embeddings.
 *
 * @param vectors {@code [P, D]} proxies
 * @param classOf {@code [P]} class row of each proxy
 */
record Proxies(double[][] vectors, int[] classOf) {

  /**
   * @param x {@code [N, D]} (already NORMpre-normalized) train embeddings
   * @param rows {@code [N]} class row 0..K-1 of each
   */
  static Proxies generate(
      String gen, int k, double lambda, long seed, double[][] x, int[] rows, int classes) {
    return switch (gen) {
      case "all" -> new Proxies(x, rows.clone());
      case "ls" -> leastSquares(x, rows, classes, lambda);
      case "mean", "kmeans" -> {
        List<double[]> vectors = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
          double[][] members = members(x, rows, c);
          double[][] centres =
              gen.equals("mean") ? new double[][] {mean(members)} : kMeans(members, k, seed);
          for (double[] v : centres) {
            vectors.add(v);
            owners.add(c);
          }
        }
        yield new Proxies(
            vectors.toArray(double[][]::new),
            owners.stream().mapToInt(Integer::intValue).toArray());
      }
      default -> throw new IllegalArgumentException("unknown generator " + gen);
    };
  }

  /**
   * IMPRINT's {@code select_proxies("kmeans")}: fewer than {@code k} samples (or one) are all
   * proxies; otherwise k-means centroids, every class seeded with the same {@code seed} (sklearn's
   * {@code random_state=seed}).
   */
  private static double[][] kMeans(double[][] members, int k, long seed) {
    return members.length < k || members.length == 1 ? members : KMeans.fit(members, k, seed);
  }

  /**
   * IMPRINT's least-squares weights ({@code compute_least_squares_weights}, arXiv 2503.06385): with
   * class means {@code M [K, D]}, global mean {@code mu}, total covariance {@code S} over all N
   * samples, {@code W = (1/K) M (S + mu mu^T + lambda I)^-1}; {@code S + mu mu^T = X^T X / N}.
   */
  private static Proxies leastSquares(double[][] x, int[] rows, int classes, double lambda) {
    int dim = x[0].length;
    RealMatrix xm = new Array2DRowRealMatrix(x, false);
    RealMatrix gram = xm.transpose().multiply(xm).scalarMultiply(1.0 / x.length);
    for (int d = 0; d < dim; d++) {
      gram.addToEntry(d, d, lambda);
    }
    double[][] means = new double[classes][];
    for (int c = 0; c < classes; c++) {
      means[c] = mean(members(x, rows, c));
    }
    // (S + mu mu^T + lambda I) is symmetric, so W^T = A^-1 M^T / K
    RealMatrix w =
        new CholeskyDecomposition(gram, 1e-12, 1e-15)
            .getSolver()
            .solve(new Array2DRowRealMatrix(means, false).transpose())
            .scalarMultiply(1.0 / classes);
    int[] owners = new int[classes];
    for (int c = 0; c < classes; c++) {
      owners[c] = c;
    }
    return new Proxies(w.transpose().getData(), owners);
  }

  private static double[][] members(double[][] x, int[] rows, int c) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (rows[i] == c) {
        out.add(x[i]);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("class row " + c + " has no train samples in the task");
    }
    return out.toArray(double[][]::new);
  }

  private static double[] mean(double[][] members) {
    double[] m = new double[members[0].length];
    for (double[] v : members) {
      for (int d = 0; d < m.length; d++) {
        m[d] += v[d] / members.length;
      }
    }
    return m;
  }
}
