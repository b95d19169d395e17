package dev.repflow.stitching;

import dev.repflow.data.Permutations;
import java.util.Arrays;
import java.util.Random;

/**
 * The per-epoch sample order of the reference's energy fine-tuning ({@code
 * MultiEpochDisjointSubsetSampler} in szegedai/stitching-ood): each epoch takes the next slice of
 * {@code perEpoch} indices of one shuffle of the set; once a slice reaches the end of the shuffle
 * (the last one may be shorter), the next epoch starts a new shuffle. The larger of the ID and
 * outlier sets is thus seen in disjoint parts, the smaller one whole every epoch.
 */
final class DisjointSubsets {
  private final int size;
  private final int perEpoch;
  private final Random random;
  private int[] order;
  private int slice;

  DisjointSubsets(int size, int perEpoch, Random random) {
    if (size < 1 || perEpoch < 1) {
      throw new IllegalArgumentException("empty set or subset: " + size + ", " + perEpoch);
    }
    this.size = size;
    this.perEpoch = perEpoch;
    this.random = random;
    this.order = Permutations.of(size, random);
  }

  /** Indices into the set for the next epoch. */
  int[] next() {
    int from = slice * perEpoch;
    int[] out = Arrays.copyOfRange(order, from, Math.min(size, from + perEpoch));
    slice++;
    if ((long) slice * perEpoch >= size) {
      order = Permutations.of(size, random);
      slice = 0;
    }
    return out;
  }
}
