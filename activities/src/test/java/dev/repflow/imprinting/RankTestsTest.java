package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Against the worked examples of Demsar (2006), "Statistical comparisons of classifiers over
 * multiple data sets", JMLR 7: Table 2 (Wilcoxon, C4.5 vs C4.5+m: R+ = 93, R- = 12, T = 12) and
 * Table 6 (Friedman over four C4.5 variants: average ranks 3.143, 2.000, 2.893, 1.964, chi2_F =
 * 9.28, F_F = 3.69). The printed table rounds AUCs to three decimals; on the "voting" row the last
 * two variants print as 0.975 but are ranked 2 and 3, so the fourth value is entered as 0.974. The
 * p-values are scipy's (stats.wilcoxon zero_method="zsplit"; chi-square survival function).
 */
class RankTestsTest {
  // columns: C4.5, C4.5+m, C4.5+cf, C4.5+m+cf; rows: the 14 data sets of Table 6
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
  void friedmanMatchesDemsarTable6() {
    RankTests.Friedman f = RankTests.friedman(AUC);
    assertArrayEquals(
        new double[] {44 / 14.0, 28 / 14.0, 40.5 / 14, 27.5 / 14}, f.averageRanks(), 1e-12);
    assertEquals(3.143, f.averageRanks()[0], 5e-4);
    assertEquals(1.964, f.averageRanks()[3], 5e-4);
    assertEquals(9.28, f.chi2(), 5e-3);
    assertEquals(3.69, f.imanDavenport(), 5e-3);
    // scipy.stats.chi2.sf(9.278571428571437, 3)
    assertEquals(0.025807496707063185, f.p(), 1e-9);
  }

  @Test
  void wilcoxonMatchesDemsarTable2() {
    double[] c45 = column(0);
    double[] c45m = column(1);
    RankTests.Wilcoxon w = RankTests.wilcoxon(c45m, c45);
    assertEquals(93, w.rPlus(), 1e-9);
    assertEquals(12, w.rMinus(), 1e-9);
    assertEquals(12, w.t(), 1e-9);
    assertEquals(0.01096849656422473, w.p(), 1e-9);
  }

  @Test
  void exactWilcoxonWithoutTies() {
    // 12 pairs, all differences positive and distinct: T = 0, p = 2 / 2^12 (scipy mode="exact")
    double[] x = new double[12];
    double[] y = new double[12];
    for (int i = 0; i < 12; i++) {
      x[i] = 1 + i * 0.1;
    }
    assertEquals(2 / 4096.0, RankTests.wilcoxon(x, y).p(), 1e-15);
    // scipy.stats.wilcoxon([1, 2, -3, 4, 5, 6]) -> statistic 3.0, pvalue 0.15625
    assertEquals(
        0.15625, RankTests.wilcoxon(new double[] {1, 2, -3, 4, 5, 6}, new double[6]).p(), 1e-12);
  }

  @Test
  void holmStepDown() {
    // Holm (1979) by hand: sorted p 0.01, 0.02, 0.03, 0.04 -> 0.04, 0.06, 0.06, 0.06
    double[] adjusted = RankTests.holm(new double[] {0.03, 0.01, 0.04, 0.02});
    assertArrayEquals(new double[] {0.06, 0.04, 0.06, 0.06}, adjusted, 1e-12);
  }

  @Test
  void cliquesJoinMethodsWithoutSignificantDifferences() {
    CriticalDifference cd =
        CriticalDifference.of(List.of("C4.5", "C4.5+m", "C4.5+cf", "C4.5+m+cf"), AUC, 0.05);
    assertEquals(List.of("C4.5+m+cf", "C4.5+m", "C4.5+cf", "C4.5"), cd.names());
    assertEquals(cd.cliques().size(), cd.cliques().stream().distinct().count());
    String svg = CdDiagramSvg.render(cd, "Demsar 2006, Table 6");
    org.junit.jupiter.api.Assertions.assertTrue(
        svg.startsWith("<svg") && svg.contains("C4.5+m+cf"));
  }

  private static double[] column(int j) {
    double[] c = new double[AUC.length];
    for (int i = 0; i < AUC.length; i++) {
      c[i] = AUC[i][j];
    }
    return c;
  }
}
