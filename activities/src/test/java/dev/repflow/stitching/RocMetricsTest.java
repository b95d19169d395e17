package dev.repflow.stitching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RocMetricsTest {

  @Test
  void handComputedAurocThresholdAndFpr() {
    double[] in = new double[20];
    for (int i = 0; i < 20; i++) {
      in[i] = i; // 0..19: 95% of them are <= 18
    }
    double[] out = {18, 18.5, 25, 30};
    assertEquals(18, RocMetrics.threshold95(in));
    assertEquals(0.25, RocMetrics.fpr95(in, out), 1e-12); // only 18 is <= 18
    // pairs (out > in): 18 beats 18 of 20 with one tie (18.5 -> 19 wins), 25 and 30 beat all 20
    double expected = (18 + 0.5 + 19 + 20 + 20) / 80.0;
    assertEquals(expected, RocMetrics.auroc(in, out), 1e-12);
    assertEquals(0.75, RocMetrics.flaggedShare(out, 18), 1e-12);
  }
}
