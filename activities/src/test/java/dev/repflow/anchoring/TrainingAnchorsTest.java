package dev.repflow.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrainingAnchorsTest {

  private static Set<Integer> distinct(int[] anchors) {
    return Arrays.stream(anchors).boxed().collect(Collectors.toSet());
  }

  @Test
  void eachBatchDrawsFromTheNextAnchorBatchOfOneShuffledPass() {
    // 300 pool images: anchor batches of 128, 128 and 44, then a new shuffle.
    var anchors = new TrainingAnchors(300, new Random(1));
    Set<Integer> first = distinct(anchors.next(200, 0).anchors());
    Set<Integer> second = distinct(anchors.next(200, 0).anchors());
    Set<Integer> third = distinct(anchors.next(200, 0).anchors());

    // 200 samples from 128 candidates, with replacement.
    assertTrue(first.size() <= TrainingAnchors.ANCHOR_BATCH, first.toString());
    assertTrue(third.size() <= 300 - 2 * TrainingAnchors.ANCHOR_BATCH, third.toString());
    Set<Integer> union = new HashSet<>(first);
    union.addAll(second);
    union.addAll(third);
    assertEquals(first.size() + second.size() + third.size(), union.size(), "one pass, disjoint");
    assertTrue(union.stream().allMatch(i -> i >= 0 && i < 300));
  }

  @Test
  void maskingIsOneDrawPerBatchWithProbabilityAlpha() {
    var never = new TrainingAnchors(50, new Random(2));
    var always = new TrainingAnchors(50, new Random(2));
    var quarter = new TrainingAnchors(50, new Random(2));
    int masked = 0;
    for (int b = 0; b < 2000; b++) {
      assertFalse(never.next(8, 0).masked());
      assertTrue(always.next(8, 1).masked());
      masked += quarter.next(8, 0.25).masked() ? 1 : 0;
    }
    assertEquals(0.25, masked / 2000.0, 0.03);
  }

  @Test
  void alphaDoesNotChangeTheAnchors() {
    int[] plain = new TrainingAnchors(500, new Random(3)).next(64, 0).anchors();
    int[] masked = new TrainingAnchors(500, new Random(3)).next(64, 1).anchors();
    assertEquals(Arrays.toString(plain), Arrays.toString(masked));
  }
}
