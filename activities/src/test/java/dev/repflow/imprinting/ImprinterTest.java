package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** NORM, GEN and AGG together on inputs small enough to derive by hand. */
class ImprinterTest {

  private static ImprintConfig config(String gen, int k, String agg, int m) {
    return new ImprintConfig("none", gen, k, 0, "none", "none", agg, m, "euclidean", "uniform", 3);
  }

  @Test
  void multiModalClassNeedsSeveralProxies() {
    // class 0 sits at (+-1, 0): its mean is the origin, so every query scores 0 against it
    double[][] train = {{1, 0}, {1.1, 0}, {-1, 0}, {-1.1, 0}, {0, 1}, {0, 1.2}};
    int[] rows = {0, 0, 0, 0, 1, 1};
    double[][] test = {{1, 0.1}, {-1, 0.1}, {0.1, 1}};
    int[] truth = {0, 0, 1};
    TaskData task = new TaskData(train, rows, test, truth, 2);
    assertEquals(1 / 3.0, Imprinter.accuracy(config("mean", 0, "max", 0), task), 1e-12);
    assertEquals(1.0, Imprinter.accuracy(config("kmeans", 2, "max", 0), task), 1e-12);
    assertEquals(1.0, Imprinter.accuracy(config("all", 0, "mnn", 1), task), 1e-12);
  }

  @Test
  void euclideanNearestMeanIsNotTheLargestInnerProduct() {
    // Janson et al.'s nearest mean: the query (1, 0) is nearest to mean (1, 0) of class 0, but the
    // inner product prefers class 1's longer mean (3, 3)
    double[][] train = {{1, 0}, {3, 3}};
    TaskData task =
        new TaskData(train, new int[] {0, 1}, new double[][] {{1, 0}}, new int[] {0}, 2);
    assertEquals(1.0, Imprinter.accuracy(config("mean", 0, "mnn", 1), task), 1e-12);
    assertEquals(0.0, Imprinter.accuracy(config("mean", 0, "max", 0), task), 1e-12);
  }

  @Test
  void embeddingNormalizations() {
    assertArrayEquals(
        new double[] {0.6, 0.8}, Norms.embeddings("l2", new double[][] {{3, 4}})[0], 1e-12);
    assertArrayEquals(new double[] {0, 0}, Norms.embeddings("l2", new double[][] {{0, 0}})[0]);
  }
}
