package dev.repflow.data;

import java.util.Random;

/** Seeded Fisher-Yates permutations: the one shuffle for sampling and batch order. */
public final class Permutations {
  private Permutations() {}

  /** A permutation of {@code 0..n-1} fixed by {@code seed} ({@code java.util.Random}). */
  public static int[] of(int n, long seed) {
    return of(n, new Random(seed));
  }

  /**
   * A permutation of {@code 0..n-1} from the next draws of {@code random}, for callers that take
   * several draws from one generator (anchors, then masking, then the next shuffle).
   */
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
