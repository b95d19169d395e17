package dev.repflow.data;

import java.util.Random;

/**
 * Seeded Fisher-Yates permutations: one definition, so equal seeds mean equal orders everywhere.
 */
public final class Shuffles {
  private Shuffles() {}

  /** {@code 0..n-1} shuffled by Fisher-Yates (from the end) with draws from {@code random}. */
  public static int[] of(int n, Random random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
