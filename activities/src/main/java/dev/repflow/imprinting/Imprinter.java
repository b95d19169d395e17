package dev.repflow.imprinting;

/**
 * One imprinting run on one task: NORMpre, GEN, NORMpost on the train rows; NORMinf on the queries;
 * scores {@code s = W x}; AGG picks the class.
 */
final class Imprinter {
  private Imprinter() {}

  /** Share of the task's queries classified correctly. */
  static double accuracy(ImprintConfig c, TaskData task) {
    double[][] train = Norms.apply(c.normPre(), task.train());
    Proxies proxies =
        Proxies.generate(
            c.gen(), c.k(), c.lambda(), c.seed(), train, task.trainRows(), task.classes());
    double[][] w = Norms.apply(c.normPost(), proxies.vectors());
    double[][] queries = Norms.apply(c.normInf(), task.test());
    double[] scores = new double[w.length];
    int correct = 0;
    for (int q = 0; q < queries.length; q++) {
      for (int p = 0; p < w.length; p++) {
        double s = 0;
        for (int d = 0; d < w[p].length; d++) {
          s += w[p][d] * queries[q][d];
        }
        scores[p] = s;
      }
      int predicted =
          c.agg().equals("max")
              ? maxPerClass(scores, proxies.classOf(), task.classes())
              : nearestVote(scores, proxies.classOf(), task.classes(), c.m());
      correct += predicted == task.testRows()[q] ? 1 : 0;
    }
    return (double) correct / queries.length;
  }

  /** Class of the single best-scoring proxy (= argmax over classes of the max proxy score). */
  static int maxPerClass(double[] scores, int[] classOf, int classes) {
    int best = 0;
    for (int p = 1; p < scores.length; p++) {
      if (scores[p] > scores[best]) {
        best = p;
      }
    }
    return classOf[best];
  }

  /**
   * Majority vote of the {@code m} best-scoring proxies; a tied vote goes to the tied class whose
   * proxy ranks highest.
   */
  static int nearestVote(double[] scores, int[] classOf, int classes, int m) {
    int take = Math.min(m, scores.length);
    boolean[] used = new boolean[scores.length];
    int[] votes = new int[classes];
    int[] firstRank = new int[classes];
    java.util.Arrays.fill(firstRank, Integer.MAX_VALUE);
    for (int r = 0; r < take; r++) {
      int best = -1;
      for (int p = 0; p < scores.length; p++) {
        if (!used[p] && (best < 0 || scores[p] > scores[best])) {
          best = p;
        }
      }
      used[best] = true;
      int c = classOf[best];
      votes[c]++;
      firstRank[c] = Math.min(firstRank[c], r);
    }
    int winner = 0;
    for (int c = 1; c < classes; c++) {
      if (votes[c] > votes[winner]
          || (votes[c] == votes[winner] && firstRank[c] < firstRank[winner])) {
        winner = c;
      }
    }
    return winner;
  }
}
