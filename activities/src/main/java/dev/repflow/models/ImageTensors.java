package dev.repflow.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageShape;

/**
 * Converts slices of an {@link ImageSet} into DJL batches of model input: the one gather of
 * normalised images into a batch.
 */
public final class ImageTensors {
  private ImageTensors() {}

  /**
   * Images {@code order[from..to)}, normalised as the dataset says, as a float32 batch {@code [B,
   * C, H, W]}, B = to - from.
   *
   * @param manager owns the result; callers pass a per-batch sub-manager
   */
  public static NDArray images(NDManager manager, ImageSet data, int[] order, int from, int to) {
    int size = data.valuesPerImage();
    float[] buffer = new float[(to - from) * size];
    for (int k = from; k < to; k++) {
      data.copyInput(order[k], buffer, (k - from) * size);
    }
    return manager.create(buffer, batchShape(to - from, data.shape()));
  }

  /** Images {@code rows[0..B)} of {@code data}, {@code [B, C, H, W]}. */
  public static NDArray images(NDManager manager, ImageSet data, int[] rows) {
    return images(manager, data, rows, 0, rows.length);
  }

  /** Every image of {@code data} in order, {@code [N, C, H, W]}. */
  public static NDArray images(NDManager manager, ImageSet data) {
    return images(manager, data, java.util.stream.IntStream.range(0, data.size()).toArray());
  }

  /** {@code [n, C, H, W]}. */
  public static Shape batchShape(long n, ImageShape shape) {
    return new Shape(n, shape.channels(), shape.height(), shape.width());
  }

  /** Class indices {@code targets[order[from..to)]} as int64 {@code [B]}. */
  public static NDArray targets(NDManager manager, int[] targets, int[] order, int from, int to) {
    long[] batch = new long[to - from];
    for (int k = from; k < to; k++) {
      batch[k - from] = targets[order[k]];
    }
    return manager.create(batch);
  }

  /**
   * Rejects images of another shape than the model's input, naming both.
   *
   * @throws IllegalArgumentException when they differ
   */
  public static void requireShape(ImageShape images, ImageShape model) {
    if (!images.equals(model)) {
      throw new IllegalArgumentException(
          "the images are "
              + images.label()
              + " (C x H x W) but the backbone takes "
              + model.label()
              + "; check dataset.preprocess (resize, crop, channels)");
    }
  }
}
