package dev.repflow.anchoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.repflow.data.ImageSet;

/**
 * Builds anchored network inputs from normalised images (as the reference anchors normalised
 * tensors; plain inputs are {@link dev.repflow.models.ImageTensors#images}): {@code [B, 2C, H, W]}
 * with channels {@code 0..C-1} the anchor and {@code C..2C-1} the residual {@code x - anchor}.
 * Reference masking zeroes the anchor channels and keeps the residual, so the input is {@code [0, x
 * - anchor]} (LLNL/anchoring {@code CIFAR/wrapper.py}: the reference goes through the mask, the
 * residual is computed from the unmasked anchor).
 */
final class AnchorInputs {
  private AnchorInputs() {}

  /**
   * Anchored input: image {@code rows[k]} of {@code data} with anchor {@code anchors[k]} of {@code
   * pool}.
   *
   * @param masked true zeroes every reference channel (reference masking); the residual channels
   *     are {@code x - anchor} either way
   * @return {@code [B, 2C, H, W]} in {@code manager}
   */
  static NDArray anchored(
      NDManager manager, ImageSet data, int[] rows, ImageSet pool, int[] anchors, boolean masked) {
    return manager.create(
        anchoredPixels(data, rows, pool, anchors, masked),
        new Shape(rows.length, 2L * data.channels(), data.height(), data.width()));
  }

  /** The values of {@link #anchored}, {@code [B, 2C, H, W]} row-major. */
  static float[] anchoredPixels(
      ImageSet data, int[] rows, ImageSet pool, int[] anchors, boolean masked) {
    int size = data.valuesPerImage();
    if (!pool.shape().equals(data.shape())) {
      throw new IllegalArgumentException(
          "anchors are " + pool.shape().label() + " but images are " + data.shape().label());
    }
    float[] out = new float[rows.length * 2 * size];
    float[] anchor = new float[size];
    for (int k = 0; k < rows.length; k++) {
      int base = k * 2 * size;
      pool.copyInput(anchors[k], anchor, 0);
      if (!masked) {
        System.arraycopy(anchor, 0, out, base, size);
      }
      data.copyInput(rows[k], out, base + size);
      for (int p = 0; p < size; p++) {
        out[base + size + p] -= anchor[p];
      }
    }
    return out;
  }
}
