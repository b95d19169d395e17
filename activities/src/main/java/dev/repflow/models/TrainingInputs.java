package dev.repflow.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.repflow.data.ImageSet;

/**
 * Builds the network input of every training batch of a {@link TrainingLoop}: the plain images, or
 * e.g. anchored inputs whose anchors and masking are drawn per batch.
 */
@FunctionalInterface
public interface TrainingInputs {

  /**
   * The builder for epoch {@code epoch} (0-based), asked for before its first batch: per-epoch
   * random draws start here, so a resumed run draws what an uninterrupted one would.
   */
  Batches epoch(int epoch);

  /** The inputs of one epoch's batches, asked for in batch order. */
  @FunctionalInterface
  interface Batches {
    /**
     * @param rows indices into the training images of the batch's samples, {@code B} of them
     * @return {@code [B, C', H, W]} float32 in {@code manager}, C' the network's input channels
     */
    NDArray next(NDManager manager, int[] rows);
  }

  /** The normalised images themselves, {@code [B, C, H, W]}. */
  static TrainingInputs plain(ImageSet data) {
    return epoch -> (manager, rows) -> ImageTensors.images(manager, data, rows);
  }
}
