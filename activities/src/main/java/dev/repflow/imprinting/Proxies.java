package dev.repflow.imprinting;

import dev.repflow.linalg.Matrices;
import java.util.ArrayList;
import java.util.List;

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
    double[][] gram = Matrices.transposeTimes(x, x);
    for (int r = 0; r < dim; r++) {
      for (int c = 0; c < dim; c++) {
        gram[r][c] /= x.length;
      }
      gram[r][r] += lambda;
    }
    double[][] means = new double[classes][];
    for (int c = 0; c < classes; c++) {
      means[c] = mean(members(x, rows, c));
    }
    // (S + mu mu^T + lambda I) is symmetric, so W^T = A^-1 M^T / K
    double[][] w = Matrices.solvePositiveDefinite(gram, transpose(means)); // [D, K]
    for (double[] row : w) {
      for (int c = 0; c < classes; c++) {
        row[c] /= classes;
      }
    }
    int[] owners = new int[classes];
    for (int c = 0; c < classes; c++) {
      owners[c] = c;
    }
    return new Proxies(transpose(w), owners);
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

  private static double[][] transpose(double[][] m) {
    double[][] t = new double[m[0].length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        t[j][i] = m[i][j];
      }
    }
    return t;
  }
}
