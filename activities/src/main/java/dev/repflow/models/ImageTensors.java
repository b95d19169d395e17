package dev.repflow.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.repflow.data.ImageSet;

/** Converts slices of an {@link ImageSet} into DJL batches. */
public final class ImageTensors {
  private ImageTensors() {}

  /**
   * Images {@code order[from..to)} as a float32 batch {@code [B, 1, H, W]}, B = to - from.
   *
   * @param manager owns the result; callers pass a per-batch sub-manager
   */
  public static NDArray images(NDManager manager, ImageSet data, int[] order, int from, int to) {
    int size = data.pixelsPerImage();
    float[] buffer = new float[(to - from) * size];
    for (int k = from; k < to; k++) {
      data.copyImage(order[k], buffer, (k - from) * size);
    }
    return manager.create(buffer, new Shape(to - from, 1, data.height(), data.width()));
  }

  /** Class indices {@code targets[order[from..to)]} as int64 {@code [B]}. */
  public static NDArray targets(NDManager manager, int[] targets, int[] order, int from, int to) {
    long[] batch = new long[to - from];
    for (int k = from; k < to; k++) {
      batch[k - from] = targets[order[k]];
    }
    return manager.create(batch);
  }

  /** Rejects images the built-in backbones cannot take, naming the expected size. */
  static void requireInputSize(ImageSet data) {
    long height = Backbones.INPUT_SHAPE.get(2);
    long width = Backbones.INPUT_SHAPE.get(3);
    if (data.height() != height || data.width() != width) {
      throw new IllegalArgumentException(
          "backbones take "
              + height
              + "x"
              + width
              + " grayscale images, got "
              + data.height()
              + "x"
              + data.width());
    }
  }
}
