package dev.repflow.imprinting;

import java.util.ArrayList;
import java.util.List;

/**
 * Critical-difference analysis of methods over tasks: Friedman, then pairwise Wilcoxon with Holm
 * correction; cliques are maximal runs of methods, consecutive in average rank, with no significant
 * pair among them (as in the critical-difference diagrams of the imprinting paper).
 *
 * @param names methods, best average rank first
 * @param averageRanks in the same order
 * @param cliques index lists into {@code names}, each of size 2 or more
 */
record CriticalDifference(
    List<String> names,
    double[] averageRanks,
    RankTests.Friedman friedman,
    double[][] adjustedP,
    List<List<Integer>> cliques) {

  /**
   * @param scores {@code [tasks][methods]}, higher is better
   */
  static CriticalDifference of(List<String> methods, double[][] scores, double alpha) {
    int k = methods.size();
    RankTests.Friedman f = RankTests.friedman(scores);
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order, (a, b) -> Double.compare(f.averageRanks()[a], f.averageRanks()[b]));
    List<String> names = new ArrayList<>();
    double[] ranks = new double[k];
    for (int i = 0; i < k; i++) {
      names.add(methods.get(order[i]));
      ranks[i] = f.averageRanks()[order[i]];
    }
    double[] raw = new double[k * (k - 1) / 2];
    int idx = 0;
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        raw[idx++] = RankTests.wilcoxon(column(scores, order[i]), column(scores, order[j])).p();
      }
    }
    double[] adj = RankTests.holm(raw);
    double[][] p = new double[k][k];
    idx = 0;
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        p[i][j] = adj[idx];
        p[j][i] = adj[idx++];
      }
    }
    return new CriticalDifference(names, ranks, f, p, cliques(p, alpha));
  }

  private static List<List<Integer>> cliques(double[][] p, double alpha) {
    int k = p.length;
    List<List<Integer>> out = new ArrayList<>();
    int lastEnd = -1;
    for (int i = 0; i < k; i++) {
      int end = i;
      outer:
      while (end + 1 < k) {
        for (int a = i; a <= end; a++) {
          if (p[a][end + 1] < alpha) {
            break outer;
          }
        }
        end++;
      }
      if (end > i && end > lastEnd) {
        List<Integer> clique = new ArrayList<>();
        for (int a = i; a <= end; a++) {
          clique.add(a);
        }
        out.add(clique);
        lastEnd = end;
      }
    }
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
