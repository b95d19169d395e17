package dev.repflow.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnnClassifierTest {

  /**
   * Exact reference: sort all memory rows by double-precision distance, vote, smallest label wins
   * ties.
   */
  private static long[] bruteForce(float[][] memory, long[] labels, float[][] queries, int k) {
    long[] out = new long[queries.length];
    for (int q = 0; q < queries.length; q++) {
      double[] d = new double[memory.length];
      for (int m = 0; m < memory.length; m++) {
        double s = 0;
        for (int j = 0; j < queries[q].length; j++) {
          double diff = (double) queries[q][j] - memory[m][j];
          s += diff * diff;
        }
        d[m] = s;
      }
      int[] nearest =
          IntStream.range(0, memory.length)
              .boxed()
              .sorted(Comparator.comparingDouble(i -> d[i])) // stable: equal distances by index
              .limit(k)
              .mapToInt(Integer::intValue)
              .toArray();
      out[q] = KnnClassifier.vote(nearest, labels);
    }
    return out;
  }

  private static float[][] random(Random r, int n, int d, float shift) {
    float[][] x = new float[n][d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) r.nextGaussian() + shift;
      }
    }
    return x;
  }

  @Test
  void matchesBruteForceOnRandomClusters() {
    Random r = new Random(3);
    int classes = 4;
    float[][] memory = new float[600][];
    long[] labels = new long[600];
    for (int i = 0; i < memory.length; i++) {
      labels[i] = i % classes;
      memory[i] = random(r, 1, 24, labels[i] * 0.4f)[0];
    }
    float[][] queries = random(r, 700, 24, 0.6f); // more than one query block

    try (NDManager manager = NDManager.newBaseManager()) {
      long[] predicted =
          new KnnClassifier(manager, 20).predict(memory, labels, queries, done -> {});
      assertArrayEquals(bruteForce(memory, labels, queries, 20), predicted);
    }
  }

  @Test
  void neighboursCloserThanFloat32CanTellAreOrderedExactly() {
    // 40 rows at squared distance 1 + j * 1e-9 from a query of norm ~40: the float32 product's
    // error (~1e-3 here) hides their order, the float64 refinement must recover it.
    Random r = new Random(5);
    int d = 64;
    float[] q = random(r, 1, d, 5f)[0];
    float[][] memory = new float[60][];
    long[] labels = new long[60];
    for (int i = 0; i < 60; i++) {
      double[] dir = new double[d];
      double norm = 0;
      for (int j = 0; j < d; j++) {
        dir[j] = r.nextGaussian();
        norm += dir[j] * dir[j];
      }
      double radius = i < 40 ? Math.sqrt(1 + (39 - i) * 1e-9) : 3;
      memory[i] = new float[d];
      for (int j = 0; j < d; j++) {
        memory[i][j] = (float) (q[j] + dir[j] / Math.sqrt(norm) * radius);
      }
      labels[i] = i % 3;
    }
    float[][] queries = {q};
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int k : new int[] {1, 2, 5, 7}) {
        assertArrayEquals(
            bruteForce(memory, labels, queries, k),
            new KnnClassifier(manager, k).predict(memory, labels, queries, done -> {}),
            "k=" + k);
      }
    }
  }

  @Test
  void equalDistancesGoToTheLowerMemoryIndex() {
    // Rows 1 and 2 are copies at distance 1 with labels 9 and 3; k=1 takes row 1.
    float[][] memory = {{0, 1}, {1, 1}, {1, 1}, {5, 5}};
    long[] labels = {7, 9, 3, 3};
    try (NDManager manager = NDManager.newBaseManager()) {
      assertArrayEquals(
          new long[] {9},
          new KnnClassifier(manager, 1).predict(memory, labels, new float[][] {{1, 0}}, d -> {}));
    }
  }

  @Test
  void votesGoToTheMajorityAndTiesToTheSmallestLabel() {
    long[] labels = {3, 1, 1, 3, 2};
    assertEquals(1, KnnClassifier.vote(new int[] {0, 1, 2, 3}, labels)); // 3,1,1,3: tie -> 1
    assertEquals(3, KnnClassifier.vote(new int[] {0, 3, 4}, labels));
  }

  @Test
  void rejectsKLargerThanTheMemory() {
    try (NDManager manager = NDManager.newBaseManager()) {
      var knn = new KnnClassifier(manager, 5);
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () -> knn.predict(new float[3][2], new long[3], new float[1][2], done -> {}));
      assertEquals("k=5 is larger than the memory set (3 rows)", e.getMessage());
    }
  }

  @Test
  void metricsWeighClassesEquallyInTheMean() {
    long[] truth = {0, 0, 0, 0, 1};
    long[] predicted = {0, 0, 0, 0, 0};
    ClassificationMetrics m = ClassificationMetrics.of(predicted, truth);
    assertEquals(0.8, m.accuracy(), 1e-12);
    assertEquals(0.5, m.meanPerClassAccuracy(), 1e-12);
    assertEquals(Arrays.asList(1.0, 0.0), m.perClassAccuracy().values().stream().toList());
  }
}
