package dev.repflow.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PermutationsTest {

  @Test
  void aSampleIsTheSeededShufflesPrefixWithoutRepeats() {
    int[] sample = Permutations.sample(50, 7, 3);
    assertArrayEquals(Arrays.copyOf(Permutations.of(50, 3), 7), sample);
    assertEquals(7, Arrays.stream(sample).distinct().count());
    assertTrue(Arrays.stream(sample).allMatch(i -> i >= 0 && i < 50));
    assertArrayEquals(sample, Permutations.sample(50, 7, 3));
    assertEquals(50, Arrays.stream(Permutations.sample(50, 50, 3)).distinct().count());
  }

  @Test
  void moreThanThereAreFails() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Permutations.sample(5, 6, 1));
    assertEquals("cannot draw 6 of 5 without repeats", e.getMessage());
  }
}
