package dev.repflow.stitching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DisjointSubsetsTest {

  private static Set<Integer> set(int[] values) {
    return Arrays.stream(values).boxed().collect(Collectors.toSet());
  }

  @Test
  void consecutiveEpochsTakeDisjointSlicesOfOneShuffleThenReshuffle() {
    // 25 images, 10 per epoch: slices of 10, 10 and 5 cover one shuffle; then a new one.
    var subsets = new DisjointSubsets(25, 10, new Random(1));
    List<int[]> epochs = List.of(subsets.next(), subsets.next(), subsets.next(), subsets.next());

    assertEquals(List.of(10, 10, 5, 10), epochs.stream().map(e -> e.length).toList());
    Set<Integer> pass = new HashSet<>();
    for (int e = 0; e < 3; e++) {
      pass.addAll(set(epochs.get(e)));
    }
    assertEquals(25, pass.size(), "the first three epochs are one permutation");
  }

  @Test
  void theSmallerSetIsSeenWholeEveryEpoch() {
    var subsets = new DisjointSubsets(10, 10, new Random(2));
    for (int e = 0; e < 3; e++) {
      assertEquals(10, set(subsets.next()).size());
    }
  }
}
