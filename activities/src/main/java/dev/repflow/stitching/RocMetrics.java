package dev.repflow.stitching;

import java.util.Arrays;

/** OOD detection metrics from scores where larger means "more out-of-distribution" (energy). */
public final class RocMetrics {
  private RocMetrics() {}

  /** Threshold with 95% of {@code inScores} at or below it (the 95th percentile, nearest rank). */
  public static double threshold95(double[] inScores) {
    double[] sorted = inScores.clone();
    Arrays.sort(sorted);
    int k = (int) Math.ceil(0.95 * sorted.length) - 1;
    return sorted[Math.max(0, k)];
  }

  /** Share of {@code scores} strictly above {@code threshold} (flagged out-of-distribution). */
  public static double flaggedShare(double[] scores, double threshold) {
    long flagged = Arrays.stream(scores).filter(s -> s > threshold).count();
    return (double) flagged / scores.length;
  }

  /** P(out score > in score) + P(tie) / 2, by the rank-sum (Mann-Whitney) formula. */
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

  /** Share of OOD scores at or below the 95%-TPR threshold of the ID scores. */
  public static double fpr95(double[] inScores, double[] outScores) {
    return 1 - flaggedShare(outScores, threshold95(inScores));
  }
}
