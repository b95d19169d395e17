package dev.repflow.collapse;

import static dev.repflow.collapse.CollapseFixture.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Shards accumulated apart and merged equal one pass over all rows. */
class AccumulatorMergeTest {
  private static final double TOL = 1e-12;

  @Test
  void meansMergeExactly() {
    MeanStats single = trainMeans();
    for (int shards : new int[] {2, 3, 5}) {
      MeanStats merged = MeanStats.empty(3, 4);
      for (int s = 0; s < shards; s++) {
        Shard shard = Shard.of(s, shards, TRAIN.length);
        merged =
            merged.merge(
                MeanStats.empty(3, 4)
                    .accumulate(TRAIN, TRAIN_LABELS, shard.from(), shard.to(), CLASSES, "t"));
      }
      assertArrayEquals(single.counts(), merged.counts());
      assertClose(merged.means(), single.means());
    }
  }

  @Test
  void spreadAndDecisionsMergeExactly() {
    double[][] means = trainMeans().means();
    SpreadStats single = trainSpread(means);
    SpreadStats a =
        SpreadStats.empty(3, 4).accumulate(TRAIN, TRAIN_LABELS, 0, 5, means, CLASSES, "t");
    SpreadStats b =
        SpreadStats.empty(3, 4).accumulate(TRAIN, TRAIN_LABELS, 5, 12, means, CLASSES, "t");
    SpreadStats merged = a.merge(b);
    assertClose(merged.withinCovariance(), single.withinCovariance());
    assertArrayEquals(single.varianceNorms(), merged.varianceNorms(), TOL);

    double[] bias = new double[3];
    DecisionStats whole =
        DecisionStats.empty(3)
            .accumulate(TEST, TEST_LABELS, 0, 6, means, weights(), bias, CLASSES, "t");
    DecisionStats parts =
        DecisionStats.empty(3)
            .accumulate(TEST, TEST_LABELS, 0, 2, means, weights(), bias, CLASSES, "t")
            .merge(
                DecisionStats.empty(3)
                    .accumulate(TEST, TEST_LABELS, 2, 6, means, weights(), bias, CLASSES, "t"));
    assertArrayEquals(whole.hits(), parts.hits());
    assertArrayEquals(whole.counts(), parts.counts());
  }

  private static void assertClose(double[][] actual, double[][] expected) {
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], actual[i], TOL);
    }
  }
}
