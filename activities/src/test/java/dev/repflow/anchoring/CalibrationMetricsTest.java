package dev.repflow.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.repflow.testing.PythonReference;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationMetricsTest {
  /**
   * torchmetrics' multiclass L1 ECE written from its definition in numpy: confidence = max
   * probability, bin {@code b} holds confidences in {@code (b/B, (b+1)/B]} ({@code torch.bucketize}
   * against {@code linspace(0, 1, B + 1)}, minus one), ECE = sum over bins of |accuracy - mean
   * confidence| weighted by the bin's share of samples; empty bins weigh nothing.
   */
  private static final String NUMPY_ECE =
      """
      def ece(probs, labels, bins):
          conf = probs.max(1).astype(np.float64)
          hit = (probs.argmax(1) == labels).astype(np.float64)
          edges = np.linspace(0.0, 1.0, bins + 1)
          b = np.searchsorted(edges, conf, side='left') - 1
          total = 0.0
          for k in range(bins):
              inside = b == k
              if inside.any():
                  total += abs(hit[inside].mean() - conf[inside].mean()) * inside.mean()
          return total
      """;

  // Confidences 0.95 (hit), 0.65 (miss), 0.75 (hit), 0.85 (miss).
  private static final Prediction PREDICTION =
      new Prediction(
          new float[][] {{0.95f, 0.05f}, {0.65f, 0.35f}, {0.25f, 0.75f}, {0.15f, 0.85f}},
          new float[] {0.1f, 0.2f, 0.3f, 0.4f});
  private static final int[] LABELS = {0, 1, 1, 0};

  @Test
  void matchesHandComputedValues() {
    SeverityMetrics m = CalibrationMetrics.of(3, PREDICTION, LABELS, 0, 4, 10);

    assertEquals(3, m.severity());
    assertEquals(4, m.images());
    assertEquals(0.5, m.accuracy(), 1e-12);
    // One sample per bin: (|1-.95| + |0-.65| + |1-.75| + |0-.85|) / 4.
    assertEquals(1.8 / 4, m.ece(), 1e-6);
    double nll = -(Math.log(0.95) + Math.log(0.35) + Math.log(0.75) + Math.log(0.15)) / 4;
    assertEquals(nll, m.nll(), 1e-6);
    assertEquals(0.25, m.uncertainty(), 1e-6);
  }

  @Test
  void binsPoolSamplesOfSimilarConfidence() {
    // Two bins: all four confidences fall in (0.5, 1]: |accuracy 0.5 - mean confidence 0.8|.
    assertEquals(0.3, CalibrationMetrics.of(1, PREDICTION, LABELS, 0, 4, 2).ece(), 1e-6);
    // One bin is |accuracy - mean confidence| as well.
    assertEquals(0.3, CalibrationMetrics.of(1, PREDICTION, LABELS, 0, 4, 1).ece(), 1e-6);
  }

  @Test
  void scoresOnlyTheGivenRowsAndClampsZeroProbabilities() {
    Prediction certainMiss =
        new Prediction(new float[][] {{1f, 0f}, {1f, 0f}}, new float[] {0f, 0f});
    SeverityMetrics m = CalibrationMetrics.of(5, certainMiss, new int[] {0, 1}, 1, 2, 15);

    assertEquals(1, m.images());
    assertEquals(0.0, m.accuracy());
    assertEquals(1.0, m.ece(), 1e-12);
    assertEquals(-Math.log(CalibrationMetrics.MIN_PROBABILITY), m.nll(), 1e-9);
    assertThrows(
        IllegalArgumentException.class,
        () -> CalibrationMetrics.of(1, PREDICTION, LABELS, 2, 2, 15));
  }

  @Test
  void eceMatchesNumpyOnEdgesEmptyBinsAndRandomPredictions() {
    // Confidences exactly on 20-bin edges (0.25, 0.5, 0.75, 1: exact in float32, so they fall in
    // the lower bin), one float32 ulp either side of an edge (0.35f < 0.35, and the next float
    // above 0.45), and a sample whose bins are mostly empty.
    float above45 = Math.nextUp(0.45f);
    float[][] edges = {
      {0.5f, 0.3f, 0.2f},
      {0.5f, 0.3f, 0.2f},
      {0.25f, 0.2f, 0.2f},
      {0.75f, 0.15f, 0.1f},
      {0f, 1f, 0f},
      {0.35f, 0.33f, 0.32f},
      {above45, 0.3f, 0.25f},
      {0.45f, 0.3f, 0.25f},
    };
    int[] edgeLabels = {0, 1, 0, 2, 1, 0, 0, 1};
    float[][] random = new float[300][];
    int[] randomLabels = new int[random.length];
    Random r = new Random(3);
    for (int i = 0; i < random.length; i++) {
      double[] logits = {3 * r.nextGaussian(), 3 * r.nextGaussian(), 3 * r.nextGaussian()};
      random[i] = toFloat(AnchorEnsemble.softmax(logits));
      randomLabels[i] = r.nextInt(3);
    }
    for (int bins : new int[] {20, 15, 10, 1}) {
      double[] expected =
          PythonReference.run(
              NUMPY_ECE
                  + String.format(
                      "print(ece(np.array(%s, dtype=np.float32), np.array(%s), %d))%n"
                          + "print(ece(np.array(%s, dtype=np.float32), np.array(%s), %d))%n",
                      PythonReference.literal(edges),
                      PythonReference.literal(edgeLabels),
                      bins,
                      PythonReference.literal(random),
                      PythonReference.literal(randomLabels),
                      bins));
      var onEdges = new Prediction(edges, new float[edges.length]);
      var spread = new Prediction(random, new float[random.length]);
      assertEquals(
          expected[0],
          CalibrationMetrics.of(0, onEdges, edgeLabels, 0, edges.length, bins).ece(),
          1e-7,
          bins + " bins, edge cases");
      assertEquals(
          expected[1],
          CalibrationMetrics.of(0, spread, randomLabels, 0, random.length, bins).ece(),
          1e-7,
          bins + " bins, random predictions");
    }
  }

  @Test
  void confidenceOnABinEdgeGoesToTheLowerBin() {
    // 0.5 on a 2-bin edge: bin (0, 0.5] with its miss, not (0.5, 1] with the hit.
    var p = new Prediction(new float[][] {{0.5f, 0.3f, 0.2f}, {0.9f, 0.1f, 0f}}, new float[2]);
    // Bins: {0.5 miss} and {0.9 hit}: (0.5 * 0.5 + 0.1 * 0.5).
    assertEquals(0.3, CalibrationMetrics.of(0, p, new int[] {1, 0}, 0, 2, 2).ece(), 1e-7);
    assertEquals(2, CalibrationMetrics.of(0, p, new int[] {1, 0}, 0, 2, 2).eceBins());
  }

  private static float[] toFloat(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
