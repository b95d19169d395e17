package dev.repflow.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Seeded Fisher-Yates permutations: the one shuffle for sampling and batch order, and the one
 * seeded subset sampler ({@link #sample}).
 */
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

  /**
   * {@code n} distinct positions of {@code 0..size-1}, drawn without replacement: the first {@code
   * n} of {@link #of(int, long) of(size, seed)}, in that shuffled order. Callers name the config
   * key when asking for more than there are, or ask for {@code min(n, size)} when fewer will do.
   *
   * @throws IllegalArgumentException when {@code n} is negative or more than {@code size}
   */
  public static int[] sample(int size, int n, long seed) {
    if (n < 0 || n > size) {
      throw new IllegalArgumentException("cannot draw " + n + " of " + size + " without repeats");
    }
    return Arrays.copyOf(of(size, seed), n);
  }
}
