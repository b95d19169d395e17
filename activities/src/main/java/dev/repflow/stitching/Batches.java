package dev.repflow.stitching;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.repflow.data.ImageSet;
import dev.repflow.models.ImageTensors;

/** Batch loops over image sets, each batch in its own sub-manager. */
final class Batches {
  private Batches() {}

  /** What runs per batch: images {@code [B, 1, 28, 28]} are {@code order[from..to)}. */
  @FunctionalInterface
  interface Body {
    void run(NDManager batch, NDArray images, int from, int to);
  }

  static void forEach(ImageSet set, int[] order, int batchSize, NDManager base, Body body) {
    for (int from = 0; from < order.length; from += batchSize) {
      int to = Math.min(order.length, from + batchSize);
      try (NDManager batch = base.newSubManager()) {
        body.run(batch, ImageTensors.images(batch, set, order, from, to), from, to);
      }
    }
  }

  /** Class indices 0..C-1 (position of each label in the sorted {@code classes}). */
  static int[] targets(ImageSet set, java.util.List<Integer> classes) {
    int[] targets = new int[set.size()];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = classes.indexOf(set.labels()[i]);
      if (targets[i] < 0) {
        throw new IllegalArgumentException(
            "label " + set.labels()[i] + " is not one of the classes " + classes);
      }
    }
    return targets;
  }
}
