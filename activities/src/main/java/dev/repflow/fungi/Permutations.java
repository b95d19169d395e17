package dev.repflow.fungi;

import java.util.Random;

/** Seeded Fisher-Yates permutations. */
final class Permutations {
  private Permutations() {}

  /** A permutation of {@code 0..n-1} fixed by {@code seed}. */
  static int[] of(int n, long seed) {
    Random random = new Random(seed);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
