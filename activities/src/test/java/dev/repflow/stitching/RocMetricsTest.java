package dev.repflow.stitching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repflow.testing.PythonReference;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RocMetricsTest {
  /**
   * Written from the definitions: AUROC by scikit-learn with ID as the positive class scored by
   * -energy; FPR95 by scanning the distinct scores as thresholds (accept score >= t) from the
   * highest down, until all ID is accepted, keeping the TPR closest to 0.95, later candidates
   * winning ties, and reporting the share of OOD accepted there.
   */
  private static final String REFERENCE =
      """
      from sklearn.metrics import roc_auc_score
      def measures(e_in, e_out):
          s_in, s_out = -np.asarray(e_in), -np.asarray(e_out)
          auroc = roc_auc_score(np.r_[np.ones(len(s_in)), np.zeros(len(s_out))], np.r_[s_in, s_out])
          best, fpr = None, None
          for t in np.unique(np.r_[s_in, s_out])[::-1]:
              tpr = (s_in >= t).sum() / len(s_in)
              gap = abs(tpr - 0.95)
              if best is None or gap <= best:
                  best, fpr = gap, (s_out >= t).sum() / len(s_out)
              if tpr == 1:
                  break
          print(auroc)
          print(fpr)
      """;

  @Test
  void handComputedAurocAndFpr95() {
    double[] in = new double[20];
    for (int i = 0; i < 20; i++) {
      in[i] = i; // 0..19: 95% of them are <= 18
    }
    double[] out = {18, 18.5, 25, 30};
    // TPR 0.95 holds from energy 18 up to (not including) 19; the highest such threshold, 18.5,
    // also accepts the OOD energy 18.5: FPR95 = 2/4 (a nearest-rank percentile would give 1/4).
    var point = RocMetrics.at95(in, out);
    assertEquals(18.5, point.threshold());
    assertEquals(0.95, point.tpr());
    assertEquals(0.5, point.fpr(), 1e-12);
    // pairs (out > in): 18 beats 18 of 20 with one tie (18.5 -> 19 wins), 25 and 30 beat all 20
    double expected = (18 + 0.5 + 19 + 20 + 20) / 80.0;
    assertEquals(expected, RocMetrics.auroc(in, out), 1e-12);
  }

  @Test
  void matchesScikitLearnAndTheReferenceFpr95Definition() {
    Random random = new Random(7);
    double[][] cases = new double[6][];
    // Continuous energies; then integer energies with many ties across and within the sets;
    // then sets where no threshold gives exactly 95% TPR (17 ID energies).
    cases[0] = gaussian(random, 200, -12, 2);
    cases[1] = gaussian(random, 150, -9, 3);
    cases[2] = rounded(gaussian(random, 120, -10, 2));
    cases[3] = rounded(gaussian(random, 80, -8, 2));
    cases[4] = gaussian(random, 17, 0, 1);
    cases[5] = gaussian(random, 30, 0.5, 1);
    StringBuilder script = new StringBuilder(REFERENCE);
    for (int c = 0; c < cases.length; c += 2) {
      script.append(
          String.format(
              "measures(%s, %s)%n",
              PythonReference.literal(cases[c]), PythonReference.literal(cases[c + 1])));
    }
    double[] expected = PythonReference.run(script.toString());

    for (int c = 0; c < cases.length; c += 2) {
      String what = "case " + c / 2;
      assertEquals(expected[c], RocMetrics.auroc(cases[c], cases[c + 1]), 1e-12, what);
      assertEquals(expected[c + 1], RocMetrics.fpr95(cases[c], cases[c + 1]), 1e-12, what);
    }
  }

  private static double[] gaussian(Random random, int n, double mean, double sd) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = mean + sd * random.nextGaussian();
    }
    return out;
  }

  private static double[] rounded(double[] values) {
    return Arrays.stream(values).map(Math::rint).toArray();
  }
}
