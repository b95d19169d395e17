package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.testing.PythonReference;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tests of IMPRINT's cd_diag.py against scipy on the same inputs ({@code friedmanchisquare},
 * {@code wilcoxon(x, y, zero_method="pratt")}). Debian's scipy is 1.10; IMPRINT pins 1.14, which
 * differs only for an exact test with tied differences (1.10 truncates R+, 1.14 rounds it
 * conservatively), so that case is checked against numpy enumerating the null distribution.
 */
class RankTestsTest {
  // Demsar (2006), Table 6: AUC of C4.5, C4.5+m, C4.5+cf, C4.5+m+cf on 14 data sets
  static final double[][] AUC = {
    {0.763, 0.768, 0.771, 0.798},
    {0.599, 0.591, 0.590, 0.569},
    {0.954, 0.971, 0.968, 0.967},
    {0.628, 0.661, 0.654, 0.657},
    {0.882, 0.888, 0.886, 0.898},
    {0.936, 0.931, 0.916, 0.931},
    {0.661, 0.668, 0.609, 0.685},
    {0.583, 0.583, 0.563, 0.625},
    {0.775, 0.838, 0.866, 0.875},
    {1.000, 1.000, 1.000, 1.000},
    {0.940, 0.962, 0.965, 0.962},
    {0.619, 0.666, 0.614, 0.669},
    {0.972, 0.981, 0.975, 0.974},
    {0.957, 0.978, 0.946, 0.970}
  };

  @Test
  void friedmanMatchesScipyWithTies() {
    RankTests.Friedman f = RankTests.friedman(AUC);
    // Demsar's average ranks (ties averaged, 1 = best)
    assertArrayEquals(
        new double[] {44 / 14.0, 28 / 14.0, 40.5 / 14, 27.5 / 14}, f.averageRanks(), 1e-12);
    double[] scipy =
        PythonReference.run(
            "from scipy.stats import friedmanchisquare\n"
                + "a = np.array("
                + PythonReference.literal(AUC)
                + ")\nr = friedmanchisquare(*a.T)\nprint(r.statistic, r.pvalue)");
    assertEquals(scipy[0], f.chi2(), 1e-9);
    assertEquals(scipy[1], f.p(), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> RankTests.friedman(new double[][] {{1, 2}}));
  }

  @Test
  void wilcoxonPrattMatchesScipy() {
    Random random = new Random(5);
    double[][][] cases = new double[5][][];
    // exact: 12 distinct non-zero differences
    cases[0] = pair(random, 12, 0.3, 1e-9);
    // Demsar's Table 2 pair (C4.5+m vs C4.5): a zero difference -> normal approximation
    cases[1] = new double[][] {column(1), column(0)};
    // zeros and tied differences (accuracies on a 1/100 grid)
    cases[2] = pair(random, 20, 0.02, 0.01);
    // more than 50 pairs: normal approximation, ties
    cases[3] = pair(random, 60, 0.01, 0.01);
    // exact, all differences of one sign
    cases[4] = new double[][] {{1.5, 2.25, 3, 4.5, 5.125, 6, 7, 8}, new double[8]};
    StringBuilder script = new StringBuilder("from scipy.stats import wilcoxon\nimport warnings\n");
    script.append("warnings.simplefilter('ignore')\n");
    for (double[][] c : cases) {
      script
          .append("print(wilcoxon(")
          .append(PythonReference.literal(c[0]))
          .append(", ")
          .append(PythonReference.literal(c[1]))
          .append(", zero_method='pratt').pvalue)\n");
    }
    double[] scipy = PythonReference.run(script.toString());
    for (int i = 0; i < cases.length; i++) {
      RankTests.Wilcoxon w = RankTests.wilcoxon(cases[i][0], cases[i][1]);
      assertEquals(scipy[i], w.p(), 1e-12, "case " + i);
      assertEquals(scipy[i], RankTests.wilcoxon(cases[i][1], cases[i][0]).p(), 1e-12);
    }
    assertTrue(RankTests.wilcoxon(cases[0][0], cases[0][1]).exact());
    assertFalse(RankTests.wilcoxon(cases[1][0], cases[1][1]).exact());
    assertEquals(2 / 256.0, RankTests.wilcoxon(cases[4][0], cases[4][1]).p(), 1e-15);
  }

  @Test
  void exactWithTiedDifferencesRoundsConservativelyAsScipy114() {
    // |d| = 1, 2, 2, 3, 4, 5, 6, 7, 8, 9 (one tie): R+ is a half-integer
    double[] d = {1, -2, 2, 3, -4, 5, 6, -7, 8, 9};
    RankTests.Wilcoxon w = RankTests.wilcoxon(d, new double[d.length]);
    assertEquals(0.5, w.rPlus() % 1, 1e-12);
    double[] reference =
        PythonReference.run(
            "from itertools import product\n"
                + "n = 10\n"
                + "sums = np.array([sum(r + 1 for r, s in enumerate(signs) if s)"
                + " for signs in product([0, 1], repeat=n)])\n"
                + "d = np.array("
                + PythonReference.literal(d)
                + ")\nfrom scipy.stats import rankdata\n"
                + "r = rankdata(np.abs(d))\nrp = r[d > 0].sum()\n"
                + "p = 2 * min((sums >= np.floor(rp)).mean(), (sums <= np.ceil(rp)).mean())\n"
                + "print(rp, min(1.0, p))");
    assertEquals(reference[0], w.rPlus(), 1e-12);
    assertEquals(reference[1], w.p(), 1e-12);
    assertTrue(w.exact());
  }

  @Test
  void allZeroDifferencesAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RankTests.wilcoxon(new double[] {1, 2}, new double[] {1, 2}));
  }

  @Test
  void holmStepDown() {
    // Holm (1979) by hand: sorted p 0.01, 0.02, 0.03, 0.04 -> 0.04, 0.06, 0.06, 0.06
    double[] adjusted = RankTests.holm(new double[] {0.03, 0.01, 0.04, 0.02});
    assertArrayEquals(new double[] {0.06, 0.04, 0.06, 0.06}, adjusted, 1e-12);
  }

  @Test
  void denseRanksShareAndDoNotSkip() {
    assertArrayEquals(
        new double[] {2, 1, 2, 3}, RankTests.denseRanksDescending(new double[] {5, 9, 5, 1}));
  }

  /** Paired samples, y = x + shift + noise, rounded to {@code grid} (0 = no rounding). */
  static double[][] pair(Random random, int n, double shift, double grid) {
    double[][] out = new double[2][n];
    for (int i = 0; i < n; i++) {
      double x = 0.5 + 0.2 * random.nextGaussian();
      double y = x + shift + 0.05 * random.nextGaussian();
      out[0][i] = Math.round(x / grid) * grid;
      out[1][i] = Math.round(y / grid) * grid;
    }
    return out;
  }

  private static double[] column(int j) {
    double[] c = new double[AUC.length];
    for (int i = 0; i < AUC.length; i++) {
      c[i] = AUC[i][j];
    }
    return c;
  }
}
