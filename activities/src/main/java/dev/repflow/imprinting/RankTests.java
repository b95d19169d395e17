package dev.repflow.imprinting;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The tests of IMPRINT's {@code analysis/cd_diag.py}, with the scipy semantics it runs on (scipy
 * 1.14): {@code friedmanchisquare}, {@code wilcoxon(x, y, zero_method="pratt")} with its default
 * {@code method="auto"}, and Holm's step-down correction.
 */
final class RankTests {
  /** Up to this many pairs without zero differences, scipy's "auto" Wilcoxon p-value is exact. */
  static final int EXACT_MAX = 50;

  private RankTests() {}

  /**
   * Friedman test result.
   *
   * @param averageRanks per method, mean over blocks of its rank (1 = highest score, ties averaged)
   */
  record Friedman(double[] averageRanks, double chi2, double p) {}

  /**
   * Wilcoxon signed-rank result: {@code R+}, {@code R-} over the non-zero differences, whether the
   * p-value is exact, and the two-sided p-value.
   */
  record Wilcoxon(double rPlus, double rMinus, boolean exact, double p) {}

  /**
   * scipy's {@code friedmanchisquare} on {@code scores[block][method]}: ranks within each block,
   * {@code chi2 = (12 / (k n (k+1)) sum_j R_j^2 - 3 n (k+1)) / C} with {@code R_j} the rank sums
   * and the tie correction {@code C = 1 - sum(t^3 - t) / (k (k^2 - 1) n)}; chi-square with {@code
   * k-1} degrees of freedom. Needs {@code k >= 3} methods.
   */
  static Friedman friedman(double[][] scores) {
    int n = scores.length;
    int k = scores[0].length;
    if (k < 3) {
      throw new IllegalArgumentException("the Friedman test needs at least 3 methods, got " + k);
    }
    double[] rankSums = new double[k];
    double ties = 0;
    for (double[] block : scores) {
      double[] r = ranks(Arrays.stream(block).map(v -> -v).toArray());
      for (int j = 0; j < k; j++) {
        rankSums[j] += r[j];
      }
      ties += tieSum(block);
    }
    double c = 1 - ties / (k * (k * k - 1.0) * n);
    double[] avg = Arrays.stream(rankSums).map(s -> s / n).toArray();
    if (c <= 0) { // every block ties every method: nothing to detect
      return new Friedman(avg, 0, 1);
    }
    double ssbn = Arrays.stream(rankSums).map(s -> s * s).sum();
    double chi2 = (12.0 / (k * n * (k + 1.0)) * ssbn - 3.0 * n * (k + 1)) / c;
    double p = 1 - new ChiSquaredDistribution(null, k - 1).cumulativeProbability(chi2);
    return new Friedman(avg, chi2, p);
  }

  /**
   * Two-sided Wilcoxon signed-rank test of {@code x - y} as scipy 1.14's {@code wilcoxon(x, y,
   * zero_method="pratt")}: zeros are ranked with the others, then dropped from R+ and R-. Exact
   * null distribution when there are at most {@link #EXACT_MAX} pairs and no zero (a tied, hence
   * half-integer, R+ is rounded conservatively: {@code 2 min(P(W >= floor R+), P(W <= ceil R+))});
   * otherwise the normal approximation of {@code R+} with Cureton's zero adjustment and the tie
   * correction over the non-zero differences, without continuity correction.
   *
   * @throws IllegalArgumentException if every difference is zero (scipy raises too)
   */
  static Wilcoxon wilcoxon(double[] x, double[] y) {
    int n = x.length;
    double[] diff = new double[n];
    double[] abs = new double[n];
    int zeros = 0;
    for (int i = 0; i < n; i++) {
      diff[i] = x[i] - y[i];
      abs[i] = Math.abs(diff[i]);
      zeros += diff[i] == 0 ? 1 : 0;
    }
    if (zeros == n) {
      throw new IllegalArgumentException("Wilcoxon: every difference is zero");
    }
    double[] r = ranks(abs);
    double plus = 0;
    double minus = 0;
    double[] nonZero = new double[n - zeros];
    int at = 0;
    for (int i = 0; i < n; i++) {
      plus += diff[i] > 0 ? r[i] : 0;
      minus += diff[i] < 0 ? r[i] : 0;
      if (diff[i] != 0) {
        nonZero[at++] = abs[i];
      }
    }
    if (n <= EXACT_MAX && zeros == 0) {
      double[] pmf = signedRankPmf(n);
      double p =
          2 * Math.min(atLeast(pmf, (int) Math.floor(plus)), atMost(pmf, (int) Math.ceil(plus)));
      return new Wilcoxon(plus, minus, true, Math.min(1, p));
    }
    double mean = n * (n + 1) / 4.0 - zeros * (zeros + 1) / 4.0;
    double var =
        n * (n + 1.0) * (2.0 * n + 1)
            - zeros * (zeros + 1.0) * (2.0 * zeros + 1)
            - tieSum(nonZero) / 2;
    double z = (plus - mean) / Math.sqrt(var / 24);
    double p = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z));
    return new Wilcoxon(plus, minus, false, Math.min(1, p));
  }

  /** Null distribution of R+ over ranks 1..n: {@code pmf[s] = #subsets with sum s / 2^n}. */
  static double[] signedRankPmf(int n) {
    int max = n * (n + 1) / 2;
    double[] ways = new double[max + 1];
    ways[0] = 1;
    for (int r = 1; r <= n; r++) {
      for (int s = max; s >= r; s--) {
        ways[s] += ways[s - r];
      }
    }
    double total = Math.pow(2, n);
    return Arrays.stream(ways).map(w -> w / total).toArray();
  }

  private static double atLeast(double[] pmf, int k) {
    double s = 0;
    for (int v = Math.max(k, 0); v < pmf.length; v++) {
      s += pmf[v];
    }
    return s;
  }

  private static double atMost(double[] pmf, int k) {
    double s = 0;
    for (int v = 0; v <= Math.min(k, pmf.length - 1); v++) {
      s += pmf[v];
    }
    return s;
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
    Integer[] order = sortedOrder(v);
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

  /**
   * Dense ranks, 1 = highest: equal scores share a rank and the next lower score gets the next
   * integer (pandas {@code rank(ascending=False, method="dense")}, as IMPRINT's diagram ranks).
   */
  static double[] denseRanksDescending(double[] v) {
    Integer[] order = sortedOrder(Arrays.stream(v).map(x -> -x).toArray());
    double[] r = new double[v.length];
    int rank = 0;
    for (int i = 0; i < order.length; i++) {
      if (i == 0 || v[order[i]] != v[order[i - 1]]) {
        rank++;
      }
      r[order[i]] = rank;
    }
    return r;
  }

  private static Integer[] sortedOrder(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    return order;
  }

  /** {@code sum(t^3 - t)} over groups of tied values. */
  private static double tieSum(double[] v) {
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
