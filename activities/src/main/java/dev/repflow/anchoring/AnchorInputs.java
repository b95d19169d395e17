package dev.repflow.anchoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.repflow.data.ImageSet;

/**
 * Builds network inputs. Plain: {@code [B, 1, H, W]}. Anchored: {@code [B, 2, H, W]} with channel 0
 * the anchor and channel 1 the residual {@code x - anchor}. Reference masking zeroes the anchor
 * channel and keeps the residual, so the input is {@code [0, x - anchor]} (LLNL/anchoring {@code
 * CIFAR/wrapper.py}: the reference goes through the mask, the residual is computed from the
 * unmasked anchor).
 */
final class AnchorInputs {
  private AnchorInputs() {}

  /**
   * Plain input of images {@code rows[0..B)} of {@code data}.
   *
   * @return {@code [B, 1, H, W]} in {@code manager}
   */
  static NDArray plain(NDManager manager, ImageSet data, int[] rows) {
    int size = data.pixelsPerImage();
    float[] buffer = new float[rows.length * size];
    for (int k = 0; k < rows.length; k++) {
      data.copyImage(rows[k], buffer, k * size);
    }
    return manager.create(buffer, new Shape(rows.length, 1, data.height(), data.width()));
  }

  /**
   * Anchored input: image {@code rows[k]} of {@code data} with anchor {@code anchors[k]} of {@code
   * pool}.
   *
   * @param masked true zeroes every reference channel (reference masking); the residual channel is
   *     {@code x - anchor} either way
   * @return {@code [B, 2, H, W]} in {@code manager}
   */
  static NDArray anchored(
      NDManager manager, ImageSet data, int[] rows, ImageSet pool, int[] anchors, boolean masked) {
    return manager.create(
        anchoredPixels(data, rows, pool, anchors, masked),
        new Shape(rows.length, 2, data.height(), data.width()));
  }

  /** The values of {@link #anchored}, {@code [B, 2, H, W]} row-major. */
  static float[] anchoredPixels(
      ImageSet data, int[] rows, ImageSet pool, int[] anchors, boolean masked) {
    int size = data.pixelsPerImage();
    if (pool.pixelsPerImage() != size) {
      throw new IllegalArgumentException(
          "anchors are "
              + pool.height()
              + "x"
              + pool.width()
              + " but images are "
              + data.height()
              + "x"
              + data.width());
    }
    float[] out = new float[rows.length * 2 * size];
    float[] anchor = new float[size];
    for (int k = 0; k < rows.length; k++) {
      int base = k * 2 * size;
      pool.copyImage(anchors[k], anchor, 0);
      if (!masked) {
        System.arraycopy(anchor, 0, out, base, size);
      }
      data.copyImage(rows[k], out, base + size);
      for (int p = 0; p < size; p++) {
        out[base + size + p] -= anchor[p];
      }
    }
    return out;
  }
}
