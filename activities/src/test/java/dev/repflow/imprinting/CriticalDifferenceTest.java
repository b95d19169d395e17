package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.testing.PythonReference;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * IMPRINT's wilcoxon_holm procedure written in Python from its description (scipy's Friedman test;
 * scipy's pratt Wilcoxon for every pair with different scores; Holm step-down {@code p_(i) <= alpha
 * / (m - i)} until the first failure) on the same scores as {@link CriticalDifference}.
 */
class CriticalDifferenceTest {
  static final List<String> METHODS = List.of("a", "b", "c", "d", "e", "f");

  /** 12 tasks x 6 methods on a 1/1000 accuracy grid: e equals d, f equals d on 4 tasks. */
  static double[][] scores() {
    Random random = new Random(11);
    double[] offset = {0.10, 0.098, 0.05, 0.0};
    double[][] s = new double[12][6];
    for (int t = 0; t < 12; t++) {
      double base = 0.6 + 0.1 * random.nextGaussian();
      for (int j = 0; j < 4; j++) {
        s[t][j] = Math.round((base + offset[j] + 0.01 * random.nextGaussian()) * 1000) / 1000.0;
      }
      s[t][4] = s[t][3];
      s[t][5] = t % 3 == 0 ? s[t][3] : Math.round((s[t][3] + 0.004) * 1000) / 1000.0;
    }
    return s;
  }

  @Test
  void matchesTheSeedsProcedureOnScipy() {
    double[][] scores = scores();
    CriticalDifference cd = CriticalDifference.of(METHODS, scores, 0.05);
    double[] ref =
        PythonReference.run(
            "from scipy.stats import friedmanchisquare, wilcoxon\n"
                + "import warnings\nwarnings.simplefilter('ignore')\n"
                + "s = np.array("
                + PythonReference.literal(scores)
                + ")\nk = s.shape[1]\n"
                + "f = friedmanchisquare(*s.T)\n"
                + "tested, p = [], []\n"
                + "for i in range(k):\n"
                + "    for j in range(i + 1, k):\n"
                + "        if not np.array_equal(s[:, i], s[:, j]):\n"
                + "            tested.append((i, j))\n"
                + "            p.append(wilcoxon(s[:, i], s[:, j], zero_method='pratt').pvalue)\n"
                + "sig = [0] * len(p)\n"
                + "for rank, t in enumerate(np.argsort(p, kind='stable')):\n"
                + "    if p[t] > 0.05 / (len(p) - rank):\n"
                + "        break\n"
                + "    sig[t] = 1\n"
                + "out = [f.statistic, f.pvalue, len(p)]\n"
                + "for (i, j), pv, sg in zip(tested, p, sig):\n"
                + "    out += [i, j, pv, sg]\n"
                + "print(' '.join(repr(float(v)) for v in out))");
    assertEquals(ref[0], cd.friedman().chi2(), 1e-9);
    assertEquals(ref[1], cd.friedman().p(), 1e-12);
    assertTrue(cd.friedman().p() < 0.05);
    List<CriticalDifference.Pair> tested = cd.pairs().stream().filter(p -> !p.identical()).toList();
    assertEquals((int) ref[2], tested.size());
    int significant = 0;
    for (int r = 3; r < ref.length; r += 4) {
      String a = METHODS.get((int) ref[r]);
      String b = METHODS.get((int) ref[r + 1]);
      CriticalDifference.Pair pair =
          tested.stream()
              .filter(
                  p -> (p.a().equals(a) && p.b().equals(b)) || (p.a().equals(b) && p.b().equals(a)))
              .findFirst()
              .orElseThrow();
      assertEquals(ref[r + 2], pair.p(), 1e-12, a + " vs " + b);
      assertEquals(ref[r + 3] == 1, pair.significant(), a + " vs " + b);
      significant += pair.significant() ? 1 : 0;
    }
    assertTrue(significant > 0 && significant < tested.size(), "both outcomes are exercised");
    // d and e are identical: joined without a test
    assertTrue(
        cd.pairs().stream().anyMatch(p -> p.identical() && !p.significant()),
        "identical pair listed");
  }

  @Test
  void cliquesJoinEveryNonSignificantPairMaximally() {
    CriticalDifference cd = CriticalDifference.of(METHODS, scores(), 0.05);
    List<String> names = cd.names();
    List<List<Integer>> cliques = cd.cliques().cliques();
    for (CriticalDifference.Pair p : cd.pairs()) {
      int i = names.indexOf(p.a());
      int j = names.indexOf(p.b());
      boolean together = cliques.stream().anyMatch(c -> c.contains(i) && c.contains(j));
      assertEquals(!p.significant(), together, p.toString());
    }
    assertEquals(
        List.of("a", "b"), names.subList(0, 2).stream().sorted().toList(), "best two first");
    String svg = CdDiagramSvg.render(cd, "test");
    assertTrue(svg.startsWith("<svg") && svg.contains(">a ("));
  }

  @Test
  void noPostHocTestsWhenFriedmanDoesNotReject() {
    double[][] flat = new double[6][3];
    Random random = new Random(2);
    for (double[] row : flat) {
      for (int j = 0; j < 3; j++) {
        row[j] = random.nextGaussian();
      }
    }
    CriticalDifference cd = CriticalDifference.of(List.of("x", "y", "z"), flat, 0.05);
    assertTrue(cd.friedman().p() >= 0.05, "p = " + cd.friedman().p());
    assertTrue(cd.pairs().isEmpty());
    assertEquals(List.of(List.of(0, 1, 2)), cd.cliques().cliques());
  }
}
