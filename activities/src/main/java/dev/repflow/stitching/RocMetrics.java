package dev.repflow.stitching;

import java.util.Arrays;

/**
 * OOD detection metrics from energies (larger = more out-of-distribution), defined as
 * szegedai/stitching-ood's {@code energy_score.py} (after Liu et al. 2020) computes them: ID is the
 * positive class, scored by {@code -energy}.
 */
public final class RocMetrics {
  private RocMetrics() {}

  /**
   * The FPR95 operating point.
   *
   * @param threshold ID is accepted at energy {@code <= threshold}
   * @param tpr share of ID energies accepted
   * @param fpr share of OOD energies accepted (FPR95)
   */
  public record OperatingPoint(double threshold, double tpr, double fpr) {}

  /**
   * P(out energy > in energy) + P(tie) / 2, by the rank-sum (Mann-Whitney) formula; equals
   * scikit-learn's {@code roc_auc_score} with ID as positives scored by {@code -energy}.
   */
  public static double auroc(double[] inScores, double[] outScores) {
    int n = inScores.length + outScores.length;
    double[] all = new double[n];
    boolean[] isOut = new boolean[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      all[i] = i < inScores.length ? inScores[i] : outScores[i - inScores.length];
      isOut[i] = i >= inScores.length;
    }
    Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
    double outRankSum = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && all[order[j]] == all[order[i]]) {
        j++;
      }
      double meanRank = (i + 1 + j) / 2.0; // ranks i+1..j share their mean
      for (int k = i; k < j; k++) {
        if (isOut[order[k]]) {
          outRankSum += meanRank;
        }
      }
      i = j;
    }
    double nOut = outScores.length;
    double nIn = inScores.length;
    return (outRankSum - nOut * (nOut + 1) / 2) / (nOut * nIn);
  }

  /**
   * The reference's {@code fpr_and_fdr_at_recall(recall_level=0.95)}: candidate thresholds are the
   * distinct energies of both sets, up to the one that accepts every ID energy; the chosen one has
   * the TPR closest to 0.95 (a tie between two TPRs goes to the higher one, and among thresholds
   * with the chosen TPR the highest, which accepts the most OOD energies).
   */
  public static OperatingPoint at95(double[] inEnergies, double[] outEnergies) {
    if (inEnergies.length == 0 || outEnergies.length == 0) {
      throw new IllegalArgumentException("FPR95 needs ID and OOD energies");
    }
    double[] all = new double[inEnergies.length + outEnergies.length];
    System.arraycopy(inEnergies, 0, all, 0, inEnergies.length);
    System.arraycopy(outEnergies, 0, all, inEnergies.length, outEnergies.length);
    double[] in = inEnergies.clone();
    double[] out = outEnergies.clone();
    Arrays.sort(all);
    Arrays.sort(in);
    Arrays.sort(out);
    OperatingPoint best = null;
    double bestGap = Double.POSITIVE_INFINITY;
    int acceptedIn = 0;
    int acceptedOut = 0;
    for (int i = 0; i < all.length; i++) {
      if (i + 1 < all.length && all[i + 1] == all[i]) {
        continue; // thresholds sit at distinct values: take the whole tie group
      }
      while (acceptedIn < in.length && in[acceptedIn] <= all[i]) {
        acceptedIn++;
      }
      while (acceptedOut < out.length && out[acceptedOut] <= all[i]) {
        acceptedOut++;
      }
      double tpr = (double) acceptedIn / in.length;
      double gap = Math.abs(tpr - 0.95);
      // "<=": of equal gaps, the later (higher-threshold) candidate wins, as argmin does over the
      // reference's reversed candidate list.
      if (gap <= bestGap) {
        bestGap = gap;
        best = new OperatingPoint(all[i], tpr, (double) acceptedOut / out.length);
      }
      if (acceptedIn == in.length) {
        break;
      }
    }
    return best;
  }

  /** Share of OOD energies accepted at the 95%-TPR operating point. */
  public static double fpr95(double[] inEnergies, double[] outEnergies) {
    return at95(inEnergies, outEnergies).fpr();
  }
}
