package dev.repflow.imprinting;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Non-parametric tests for comparing methods over tasks (Demsar 2006): Friedman on average ranks,
 * Wilcoxon signed-rank per pair, Holm's step-down correction.
 */
final class RankTests {
  /** Up to this many pairs without ties or zeros, Wilcoxon p-values are exact. */
  static final int EXACT_MAX = 50;

  private RankTests() {}

  /** Friedman test result; {@code imanDavenport} is Iman and Davenport's F statistic. */
  record Friedman(double[] averageRanks, double chi2, double imanDavenport, double p) {}

  /** Wilcoxon result: {@code t = min(R+, R-)}, two-sided normal-approximation p-value. */
  record Wilcoxon(double rPlus, double rMinus, double t, double z, double p) {}

  /**
   * Ranks {@code scores[block][method]} within each block, 1 = highest score, ties averaged; then
   * Demsar's {@code chi2_F = 12N/(k(k+1)) (sum R_j^2 - k(k+1)^2/4)} with {@code k-1} degrees of
   * freedom.
   */
  static Friedman friedman(double[][] scores) {
    int n = scores.length;
    int k = scores[0].length;
    double[] avg = new double[k];
    for (double[] block : scores) {
      double[] negated = Arrays.stream(block).map(v -> -v).toArray();
      double[] r = ranks(negated);
      for (int j = 0; j < k; j++) {
        avg[j] += r[j] / n;
      }
    }
    double sumSq = Arrays.stream(avg).map(r -> r * r).sum();
    double chi2 = 12.0 * n / (k * (k + 1)) * (sumSq - k * (k + 1) * (k + 1) / 4.0);
    double ff = (n - 1) * chi2 / (n * (k - 1) - chi2);
    double p = 1 - new ChiSquaredDistribution(null, k - 1).cumulativeProbability(chi2);
    return new Friedman(avg, chi2, ff, p);
  }

  /**
   * Wilcoxon signed-rank test of paired samples: exact p-value for at most {@link #EXACT_MAX} pairs
   * without ties or zeros; otherwise zero differences split evenly between R+ and R- (Demsar's
   * convention) and the normal approximation with tie correction (scipy's zero_method="zsplit").
   */
  static Wilcoxon wilcoxon(double[] x, double[] y) {
    int n = x.length;
    double[] diff = new double[n];
    double[] abs = new double[n];
    for (int i = 0; i < n; i++) {
      diff[i] = x[i] - y[i];
      abs[i] = Math.abs(diff[i]);
    }
    double[] r = ranks(abs);
    double plus = 0;
    double minus = 0;
    for (int i = 0; i < n; i++) {
      if (diff[i] > 0) {
        plus += r[i];
      } else if (diff[i] < 0) {
        minus += r[i];
      } else {
        plus += r[i] / 2;
        minus += r[i] / 2;
      }
    }
    double t = Math.min(plus, minus);
    if (n <= EXACT_MAX && tieCorrection(abs) == 0 && Arrays.stream(diff).noneMatch(d -> d == 0)) {
      return new Wilcoxon(plus, minus, t, Double.NaN, exactP(n, (int) Math.round(t)));
    }
    double mean = n * (n + 1) / 4.0;
    double var = n * (n + 1) * (2.0 * n + 1) / 24 - tieCorrection(abs) / 48;
    if (var <= 0) {
      return new Wilcoxon(plus, minus, t, 0, 1);
    }
    double z = (t - mean) / Math.sqrt(var);
    double p = Math.min(1, 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(z));
    return new Wilcoxon(plus, minus, t, z, p);
  }

  /**
   * Two-sided exact p-value {@code min(1, 2 P(W <= t))} of the signed-rank statistic under H0,
   * counting the subsets of ranks {@code 1..n} by their sum (as scipy's exact mode).
   */
  static double exactP(int n, int t) {
    int max = n * (n + 1) / 2;
    double[] ways = new double[max + 1];
    ways[0] = 1;
    for (int r = 1; r <= n; r++) {
      for (int s = max; s >= r; s--) {
        ways[s] += ways[s - r];
      }
    }
    double below = 0;
    for (int s = 0; s <= t; s++) {
      below += ways[s];
    }
    return Math.min(1, 2 * below / Math.pow(2, n));
  }

  /** Holm-adjusted p-values, in the input order: {@code max_{j<=i} min(1, (m-j+1) p_(j))}. */
  static double[] holm(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    double[] adjusted = new double[m];
    double running = 0;
    for (int i = 0; i < m; i++) {
      running = Math.max(running, Math.min(1, (m - i) * p[order[i]]));
      adjusted[order[i]] = running;
    }
    return adjusted;
  }

  /** Ascending ranks 1..n, ties get the average of their positions. */
  static double[] ranks(double[] v) {
    int n = v.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] r = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      for (int t = i; t <= j; t++) {
        r[order[t]] = (i + j) / 2.0 + 1;
      }
      i = j + 1;
    }
    return r;
  }

  /** {@code sum(t^3 - t)} over groups of tied values. */
  private static double tieCorrection(double[] v) {
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    double sum = 0;
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
        j++;
      }
      double t = j - i + 1;
      sum += t * t * t - t;
      i = j + 1;
    }
    return sum;
  }
}
