package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * max and mnn votes, distances and tie rules (IMPRINT: argmax / bincount take the lowest class).
 */
class AggregationTest {
  // proxies on a line: class 0 at 0 and 10, class 1 at 2 and 3, class 2 at 4
  static final double[][] W = {{0, 0}, {10, 0}, {2, 0}, {3, 0}, {4, 0}};
  static final int[] CLASS_OF = {0, 0, 1, 1, 2};

  private static int predict(String agg, int m, String distance, String weighting, double x) {
    var c = new ImprintConfig("none", "all", 0, 0, "none", "none", agg, m, distance, weighting, 0);
    return new Aggregation(c, W, CLASS_OF, 3).predict(new double[] {x, 0});
  }

  @Test
  void maxTakesTheLargestInnerProductPerClass() {
    var c = new ImprintConfig("none", "all", 0, 0, "none", "none", "max", 0, null, null, 0);
    double[][] w = {{1, 0}, {0, 1}, {0, 2}};
    var agg = new Aggregation(c, w, new int[] {0, 1, 1}, 2);
    assertEquals(1, agg.predict(new double[] {0.5, 0.4})); // 0.5 vs max(0.4, 0.8)
    assertEquals(0, agg.predict(new double[] {1, 0.5})); // 1 vs max(0.5, 1): a tie, lowest class
  }

  @Test
  void nearestNeighbourVotes() {
    assertEquals(1, predict("mnn", 1, "euclidean", "uniform", 2.4));
    // 3 nearest to 3.4: 3 (class 1), 4 (class 2), 2 (class 1) -> class 1
    assertEquals(1, predict("mnn", 3, "euclidean", "uniform", 3.4));
    // 2 nearest to 3.6: 4 (class 2, d 0.4), 3 (class 1, d 0.6): a 1:1 tie goes to class 1
    assertEquals(1, predict("mnn", 2, "euclidean", "uniform", 3.6));
    // weighted by inverse distance, the nearer class 2 wins
    assertEquals(2, predict("mnn", 2, "euclidean", "distance", 3.6));
    // m larger than the number of proxies votes with all of them: class 0 and 1 have 2 each
    assertEquals(0, predict("mnn", 9, "manhattan", "uniform", 3.6));
  }
}
