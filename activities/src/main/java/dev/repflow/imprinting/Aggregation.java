package dev.repflow.imprinting;

import dev.repflow.linalg.Matrices;

/**
 * AGG of IMPRINT's {@code ImprintedModel.forward}: {@code max} takes, per class, the largest inner
 * product of the query with the class's weights and predicts the best class; {@code mnn} votes
 * among the m weights nearest to the query under a distance (sklearn's NearestNeighbors there),
 * each vote counting 1 ({@code uniform}) or {@code 1 / (distance + 1e-10)} ({@code distance}). Ties
 * go to the lowest class row (argmax / bincount order).
 *
 * @param w {@code [P, D]} normalized weights
 * @param classOf {@code [P]} class row of each weight
 */
record Aggregation(ImprintConfig config, double[][] w, int[] classOf, int classes) {

  /** Predicted class row of one normalized query {@code [D]}. */
  int predict(double[] query) {
    return config.agg().equals("max") ? maxInnerProduct(query) : nearestVote(query);
  }

  private int maxInnerProduct(double[] query) {
    double[] best = new double[classes];
    java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
    for (int p = 0; p < w.length; p++) {
      best[classOf[p]] = Math.max(best[classOf[p]], Matrices.dot(w[p], query));
    }
    return argmax(best);
  }

  private int nearestVote(double[] query) {
    int m = Math.min(config.m(), w.length);
    int[] nearest = new int[m];
    double[] dist = new double[m];
    int found = 0;
    for (int p = 0; p < w.length; p++) {
      double d = distance(w[p], query);
      if (found == m && d >= dist[m - 1]) {
        continue;
      }
      int at = found < m ? found++ : m - 1; // insertion into the sorted m nearest
      while (at > 0 && dist[at - 1] > d) {
        dist[at] = dist[at - 1];
        nearest[at] = nearest[at - 1];
        at--;
      }
      dist[at] = d;
      nearest[at] = p;
    }
    double[] votes = new double[classes];
    boolean weighted = config.weighting().equals("distance");
    for (int i = 0; i < m; i++) {
      votes[classOf[nearest[i]]] += weighted ? 1 / (dist[i] + 1e-10) : 1;
    }
    return argmax(votes);
  }

  private double distance(double[] a, double[] b) {
    double s = 0;
    switch (config.distance()) {
      case "euclidean" -> {
        for (int d = 0; d < a.length; d++) {
          double diff = a[d] - b[d];
          s += diff * diff;
        }
        return Math.sqrt(s);
      }
      case "manhattan" -> {
        for (int d = 0; d < a.length; d++) {
          s += Math.abs(a[d] - b[d]);
        }
        return s;
      }
      case "cosine" -> {
        double na = 0;
        double nb = 0;
        for (int d = 0; d < a.length; d++) {
          s += a[d] * b[d];
          na += a[d] * a[d];
          nb += b[d] * b[d];
        }
        return 1 - s / Math.sqrt(na * nb);
      }
      default -> throw new IllegalArgumentException("unknown distance " + config.distance());
    }
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int c = 1; c < v.length; c++) {
      if (v[c] > v[best]) {
        best = c;
      }
    }
    return best;
  }
}
