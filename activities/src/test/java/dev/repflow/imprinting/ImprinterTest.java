package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** GEN, NORM and AGG on inputs small enough to derive by hand. */
class ImprinterTest {

  private static ImprintConfig config(String pre, String gen, int k, String agg, int m) {
    return new ImprintConfig(pre, gen, k, 0, "none", pre, agg, m, 3);
  }

  @Test
  void multiModalClassNeedsSeveralProxies() {
    // class 0 sits at (+-1, 0): its mean is the origin, so every query scores 0 against it
    double[][] train = {{1, 0}, {1.1, 0}, {-1, 0}, {-1.1, 0}, {0, 1}, {0, 1.2}};
    int[] rows = {0, 0, 0, 0, 1, 1};
    double[][] test = {{1, 0.1}, {-1, 0.1}, {0.1, 1}};
    int[] truth = {0, 0, 1};
    TaskData task = new TaskData(train, rows, test, truth, 2);
    assertEquals(1 / 3.0, Imprinter.accuracy(config("none", "mean", 0, "max", 0), task), 1e-12);
    assertEquals(1.0, Imprinter.accuracy(config("none", "kmeans", 2, "max", 0), task), 1e-12);
    assertEquals(1.0, Imprinter.accuracy(config("none", "all", 0, "mnn", 1), task), 1e-12);
  }

  @Test
  void leastSquaresOnIdentityGivesIdentityProxies() {
    Proxies p =
        Proxies.generate("ls", 0, 0, 0, new double[][] {{1, 0}, {0, 1}}, new int[] {0, 1}, 2);
    assertArrayEquals(new double[] {1, 0}, p.vectors()[0], 1e-6);
    assertArrayEquals(new double[] {0, 1}, p.vectors()[1], 1e-6);
    // lambda = 1: W = (2 I)^-1 I = I / 2
    Proxies ridge =
        Proxies.generate("ls", 0, 1, 0, new double[][] {{1, 0}, {0, 1}}, new int[] {0, 1}, 2);
    assertArrayEquals(new double[] {0.5, 0}, ridge.vectors()[0], 1e-9);
  }

  @Test
  void nearestVoteCountsTheMBestProxies() {
    double[] scores = {0.9, 0.8, 0.7, 0.1};
    int[] classOf = {0, 1, 1, 0};
    assertEquals(0, Imprinter.nearestVote(scores, classOf, 2, 1));
    assertEquals(0, Imprinter.nearestVote(scores, classOf, 2, 2)); // 1:1, best proxy wins
    assertEquals(1, Imprinter.nearestVote(scores, classOf, 2, 3));
    assertEquals(0, Imprinter.maxPerClass(scores, classOf, 2));
  }

  @Test
  void normalizations() {
    double[][] l2 = Norms.apply("l2", new double[][] {{3, 4}});
    assertArrayEquals(new double[] {0.6, 0.8}, l2[0], 1e-12);
    // ranks of (3, -1, 2) are (3, 1, 2): Phi^-1(5/6), Phi^-1(1/6), Phi^-1(1/2)
    double[][] q = Norms.apply("quantile", new double[][] {{3, -1, 2}});
    assertArrayEquals(new double[] {0.9674215661017, -0.9674215661017, 0}, q[0], 1e-9);
  }

  @Test
  void gridDropsUnusedParametersAndCountsTheProduct() {
    GridSpec grid =
        new GridSpec(
            java.util.List.of("none", "l2"),
            java.util.List.of("mean", "kmeans"),
            java.util.List.of(2, 3),
            java.util.List.of(0.1, 1.0),
            null,
            null,
            java.util.List.of("max", "mnn"),
            java.util.List.of(1, 5),
            null);
    // (mean + 2 kmeans) x (max + 2 mnn) x 2 normPre = 18, lambda ignored without ls
    assertEquals(18, grid.expand().size());
    assertEquals("l2|kmeans(k=3,seed=0)|l2|l2|5nn", grid.expand().get(17).id());
  }
}
