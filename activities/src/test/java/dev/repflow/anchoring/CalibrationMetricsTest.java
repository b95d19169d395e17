package dev.repflow.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CalibrationMetricsTest {
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
}
