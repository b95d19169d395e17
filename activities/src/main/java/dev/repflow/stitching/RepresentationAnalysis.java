package dev.repflow.stitching;

import dev.repflow.linalg.Matrices;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Linear probes and similarity indices at retained ranks, on representations held as rows. */
final class RepresentationAnalysis {
  private RepresentationAnalysis() {}

  /**
   * The ranks evaluated: the requested ones plus the full rank {@code min(D, N - 1)}, ascending.
   *
   * @throws IllegalArgumentException when a requested rank exceeds the representation
   */
  static List<Integer> ranks(List<Integer> requested, int n, int d, String what) {
    int full = PrincipalSubspace.maxRank(n, d);
    TreeSet<Integer> ranks = new TreeSet<>();
    for (int r : requested) {
      if (r > d) {
        throw new IllegalArgumentException(
            "analysis.ranks: rank "
                + r
                + " is larger than the representation "
                + what
                + " ("
                + d
                + " dims)");
      }
      if (r > full) {
        throw new IllegalArgumentException(
            "analysis.ranks: rank " + r + " needs more than analysis.samples = " + n);
      }
      ranks.add(r);
    }
    ranks.add(full);
    return List.copyOf(ranks);
  }

  /**
   * Least-squares linear probe (one-hot targets, bias) on the top-r principal coordinates.
   *
   * @param train {@code [N, D]} with class indices {@code trainTargets}
   * @param test {@code [M, D]} with {@code testTargets}
   */
  static List<Double> probe(
      double[][] train,
      int[] trainTargets,
      double[][] test,
      int[] testTargets,
      int classes,
      List<Integer> ranks,
      String what) {
    int top = ranks.get(ranks.size() - 1);
    PrincipalSubspace subspace = PrincipalSubspace.fit(train, top, what);
    double[][] z = subspace.project(train);
    double[][] zt = subspace.project(test);
    double[][] onehot = new double[train.length][classes];
    for (int i = 0; i < train.length; i++) {
      onehot[i][trainTargets[i]] = 1;
    }
    List<Double> accuracies = new ArrayList<>();
    for (int r : ranks) {
      DirectMatching.StitchMap fit = DirectMatching.fit(columns(z, r), onehot);
      double[][] scores = Matrices.times(columns(zt, r), fit.weights());
      int hits = 0;
      for (int i = 0; i < scores.length; i++) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
          if (scores[i][c] + fit.bias()[c] > scores[i][best] + fit.bias()[best]) {
            best = c;
          }
        }
        hits += best == testTargets[i] ? 1 : 0;
      }
      accuracies.add((double) hits / scores.length);
    }
    return accuracies;
  }

  /**
   * Linear CKA and Procrustes distance of {@code x} and {@code y} (same inputs), each truncated to
   * rank r; "full" (the last rank) uses each representation's own full rank.
   *
   * @return {@code [cka values, procrustes values]}
   */
  static List<List<Double>> similarity(
      double[][] x, double[][] y, List<Integer> ranks, String whatX, String whatY) {
    int fullX = PrincipalSubspace.maxRank(x.length, x[0].length);
    int fullY = PrincipalSubspace.maxRank(y.length, y[0].length);
    double[][] zx = PrincipalSubspace.fit(x, fullX, whatX).project(x);
    double[][] zy = PrincipalSubspace.fit(y, fullY, whatY).project(y);
    List<Double> cka = new ArrayList<>();
    List<Double> procrustes = new ArrayList<>();
    for (int i = 0; i < ranks.size(); i++) {
      boolean full = i == ranks.size() - 1;
      double[][] a = columns(zx, full ? fullX : ranks.get(i));
      double[][] b = columns(zy, full ? fullY : ranks.get(i));
      cka.add(SimilarityIndices.linearCka(a, b));
      procrustes.add(SimilarityIndices.procrustes(a, b));
    }
    return List.of(cka, procrustes);
  }

  /** First {@code r} columns of {@code z}. */
  static double[][] columns(double[][] z, int r) {
    double[][] out = new double[z.length][];
    for (int i = 0; i < z.length; i++) {
      out[i] = java.util.Arrays.copyOf(z[i], r);
    }
    return out;
  }
}
