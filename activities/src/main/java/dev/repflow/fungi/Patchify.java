package dev.repflow.fungi;

import java.util.ArrayList;
import java.util.List;

/**
 * fungivision's SimCLR views ({@code Patchify}): overlapping square patches of side size /
 * sqrt(numPatches) taken with stride floor(side / strideScale), row by row, each resized to the
 * image size. The same boxes for every image.
 *
 * @param size the (square) image side
 * @param boxes the patches in row-major order
 */
record Patchify(int size, List<CropBox> boxes) implements ImageViews {

  /**
   * @throws IllegalArgumentException naming the config key when the patches do not fit the image
   */
  static Patchify of(SimClrObjectiveSpec spec, int height, int width) {
    if (height != width) {
      throw new IllegalArgumentException(
          "objectives.simclr: patches need square images, got " + height + "x" + width);
    }
    int perSide = spec.patchesPerSide();
    if (height % perSide != 0) {
      throw new IllegalArgumentException(
          "objectives.simclr.numPatches "
              + spec.numPatches()
              + ": its square root "
              + perSide
              + " must divide the image side "
              + height);
    }
    int patch = height / perSide;
    int stride = patch / spec.strideScale();
    if (stride < 1) {
      throw new IllegalArgumentException(
          "objectives.simclr.strideScale "
              + spec.strideScale()
              + " leaves a stride of 0 for "
              + patch
              + "-pixel patches of "
              + height
              + "x"
              + width
              + " images; use at most "
              + patch);
    }
    List<CropBox> boxes = new ArrayList<>();
    for (int top = 0; top + patch <= height; top += stride) {
      for (int left = 0; left + patch <= width; left += stride) {
        boxes.add(new CropBox(top, left, patch, patch));
      }
    }
    return new Patchify(height, List.copyOf(boxes));
  }

  @Override
  public int count() {
    return boxes.size();
  }

  @Override
  public void write(float[] image, int h, int w, long sampleKey, float[] out, int offset) {
    if (h != size || w != size) {
      throw new IllegalArgumentException(
          "objectives.simclr: patches were laid out for "
              + size
              + "x"
              + size
              + " images, got "
              + h
              + "x"
              + w);
    }
    for (int v = 0; v < boxes.size(); v++) {
      boxes.get(v).resizeInto(image, h, w, out, offset + v * h * w);
    }
  }
}
