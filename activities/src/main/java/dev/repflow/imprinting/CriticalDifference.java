package dev.repflow.imprinting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Critical-difference analysis of methods over tasks, as IMPRINT's {@code wilcoxon_holm} and {@code
 * form_cliques}: the Friedman test; if it rejects, a Wilcoxon signed-rank test (zero_method pratt)
 * for every pair of methods whose scores differ somewhere, Holm's correction over those pairs
 * (significant when the adjusted p-value is at most alpha, i.e. {@code p_(i) <= alpha / (m - i)} up
 * to the first failure); the cliques are the maximal cliques of the graph joining every pair that
 * is not significantly different. Methods with identical scores on every task are joined without a
 * test (IMPRINT marks them significant; see docs/imprinting.md).
 *
 * @param names methods, best average rank first
 * @param averageRanks mean dense rank per method, in {@code names} order (the diagram's ranks)
 * @param pairs every pair (empty when Friedman does not reject: no post-hoc tests)
 * @param cliques index lists into {@code names}; all methods in one when Friedman does not reject
 */
record CriticalDifference(
    List<String> names,
    double[] averageRanks,
    RankTests.Friedman friedman,
    List<Pair> pairs,
    MaximalCliques cliques) {

  /** Most cliques listed; beyond it the graph is too fragmented to draw usefully. */
  static final int CLIQUE_LIMIT = 500;

  /**
   * One pairwise comparison; {@code p} and {@code holm} are NaN for identical methods, which are
   * not tested.
   */
  record Pair(String a, String b, boolean identical, double p, double holm, boolean significant) {}

  /**
   * @param scores {@code [tasks][methods]}, higher is better
   */
  static CriticalDifference of(List<String> methods, double[][] scores, double alpha) {
    int k = methods.size();
    RankTests.Friedman f = RankTests.friedman(scores);
    double[] dense = new double[k];
    for (double[] block : scores) {
      double[] r = RankTests.denseRanksDescending(block);
      for (int j = 0; j < k; j++) {
        dense[j] += r[j] / scores.length;
      }
    }
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(dense[a], dense[b]));
    List<String> names = new ArrayList<>();
    double[] ranks = new double[k];
    double[][] columns = new double[k][];
    for (int i = 0; i < k; i++) {
      names.add(methods.get(order[i]));
      ranks[i] = dense[order[i]];
      columns[i] = column(scores, order[i]);
    }
    boolean[][] joined = new boolean[k][k];
    List<Pair> pairs = new ArrayList<>();
    if (!(f.p() < alpha)) {
      for (boolean[] row : joined) {
        Arrays.fill(row, true);
      }
    } else {
      pairs = pairs(names, columns, alpha);
      for (Pair p : pairs) {
        int i = names.indexOf(p.a());
        int j = names.indexOf(p.b());
        joined[i][j] = !p.significant();
        joined[j][i] = !p.significant();
      }
    }
    return new CriticalDifference(names, ranks, f, pairs, MaximalCliques.of(joined, CLIQUE_LIMIT));
  }

  private static List<Pair> pairs(List<String> names, double[][] columns, double alpha) {
    int k = names.size();
    List<int[]> tested = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    List<Pair> identical = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        if (Arrays.equals(columns[i], columns[j])) {
          identical.add(new Pair(names.get(i), names.get(j), true, Double.NaN, Double.NaN, false));
        } else {
          tested.add(new int[] {i, j});
          raw.add(RankTests.wilcoxon(columns[i], columns[j]).p());
        }
      }
    }
    double[] holm = RankTests.holm(raw.stream().mapToDouble(Double::doubleValue).toArray());
    List<Pair> out = new ArrayList<>();
    for (int t = 0; t < tested.size(); t++) {
      int[] ij = tested.get(t);
      out.add(
          new Pair(
              names.get(ij[0]), names.get(ij[1]), false, raw.get(t), holm[t], holm[t] <= alpha));
    }
    out.addAll(identical);
    return out;
  }

  private static double[] column(double[][] scores, int j) {
    double[] c = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      c[i] = scores[i][j];
    }
    return c;
  }
}
