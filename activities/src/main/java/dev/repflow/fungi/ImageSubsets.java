package dev.repflow.fungi;

import dev.repflow.data.ImageSet;
import dev.repflow.data.Permutations;
import java.util.Arrays;

/** Seeded subsets of image sets. */
final class ImageSubsets {
  private ImageSubsets() {}

  /** Positions of {@code min(n, size)} of {@code size} images chosen by a seeded shuffle. */
  static int[] positions(int size, int n, long seed) {
    return Arrays.copyOf(Permutations.of(size, seed), Math.min(n, size));
  }

  /** {@code min(n, size)} images chosen by a seeded shuffle, in shuffled order. */
  static ImageSet seeded(ImageSet images, int n, long seed) {
    return images.subset(positions(images.size(), n, seed));
  }
}
