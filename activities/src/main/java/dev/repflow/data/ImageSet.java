package dev.repflow.data;

/**
 * Grayscale images of one split, held as plain Java arrays so that data code stays free of DJL.
 *
 * @param pixels {@code [N, H, W]} row-major, scaled to [0, 1]
 * @param height image height H
 * @param width image width W
 * @param labels {@code [N]} original class ids
 * @param indices {@code [N]} sample index of each image in the source split file
 */
public record ImageSet(float[] pixels, int height, int width, int[] labels, int[] indices) {

  public ImageSet {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "image size must be positive, got " + height + "x" + width);
    }
    if (labels.length != indices.length) {
      throw new IllegalArgumentException(
          "labels has " + labels.length + " entries but indices has " + indices.length);
    }
    if ((long) labels.length * height * width != pixels.length) {
      throw new IllegalArgumentException(
          "pixels has "
              + pixels.length
              + " values, expected "
              + labels.length
              + " x "
              + height
              + " x "
              + width);
    }
  }

  /** Number of images N. */
  public int size() {
    return labels.length;
  }

  /** Values per image, H * W. */
  public int pixelsPerImage() {
    return height * width;
  }

  /** A copy of image {@code i}, {@code [H, W]} row-major. */
  public float[] image(int i) {
    float[] out = new float[pixelsPerImage()];
    copyImage(i, out, 0);
    return out;
  }

  /** Copies image {@code i} into {@code dst} at {@code offset} (H * W values). */
  public void copyImage(int i, float[] dst, int offset) {
    System.arraycopy(pixels, i * pixelsPerImage(), dst, offset, pixelsPerImage());
  }
}
