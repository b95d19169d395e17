package dev.repflow.data;

/**
 * Decoded, preprocessed images held as plain Java arrays, so that data code stays free of DJL.
 *
 * <p>Pixels are kept in [0, 1] (after resizing and cropping), which is what corruptions and the
 * pixel baseline work on; {@link #copyInput} applies the dataset's normalisation, which is what
 * models see.
 *
 * @param pixels {@code [N, C, H, W]} row-major, in [0, 1]
 * @param shape {@code [C, H, W]} of one image
 * @param labels {@code [N]} original class ids
 * @param indices {@code [N]} sample index of each image in the source split
 * @param normalization what turns pixels into model input
 */
public record ImageSet(
    float[] pixels, ImageShape shape, int[] labels, int[] indices, Normalization normalization) {

  public ImageSet {
    if (labels.length != indices.length) {
      throw new IllegalArgumentException(
          "labels has " + labels.length + " entries but indices has " + indices.length);
    }
    if ((long) labels.length * shape.values() != pixels.length) {
      throw new IllegalArgumentException(
          "pixels has "
              + pixels.length
              + " values, expected "
              + labels.length
              + " x "
              + shape.label());
    }
    if (normalization.channels() != shape.channels()) {
      throw new IllegalArgumentException(
          "normalisation has "
              + normalization.channels()
              + " channels, images have "
              + shape.channels());
    }
  }

  /** Grayscale images with no normalisation, e.g. built from stored rows in tests. */
  public static ImageSet gray(float[] pixels, int height, int width, int[] labels, int[] indices) {
    return new ImageSet(
        pixels, new ImageShape(1, height, width), labels, indices, Normalization.identity(1));
  }

  /** Number of images N. */
  public int size() {
    return labels.length;
  }

  public int channels() {
    return shape.channels();
  }

  public int height() {
    return shape.height();
  }

  public int width() {
    return shape.width();
  }

  /** Values per image, C * H * W. */
  public int valuesPerImage() {
    return shape.values();
  }

  /** A copy of image {@code i}'s pixels, {@code [C, H, W]} in [0, 1]. */
  public float[] image(int i) {
    float[] out = new float[valuesPerImage()];
    copyImage(i, out, 0);
    return out;
  }

  /** Copies image {@code i}'s pixels into {@code dst} at {@code offset} (C * H * W values). */
  public void copyImage(int i, float[] dst, int offset) {
    System.arraycopy(pixels, i * valuesPerImage(), dst, offset, valuesPerImage());
  }

  /** Copies image {@code i} as model input (normalised) into {@code dst} at {@code offset}. */
  public void copyInput(int i, float[] dst, int offset) {
    copyImage(i, dst, offset);
    normalization.apply(dst, offset, shape.pixels());
  }

  /** Image {@code i} as model input, {@code [C, H, W]}. */
  public float[] input(int i) {
    float[] out = new float[valuesPerImage()];
    copyInput(i, out, 0);
    return out;
  }

  /** The images at {@code rows}, in that order, with their labels and indices. */
  public ImageSet subset(int[] rows) {
    int size = valuesPerImage();
    float[] out = new float[rows.length * size];
    int[] ls = new int[rows.length];
    int[] is = new int[rows.length];
    for (int k = 0; k < rows.length; k++) {
      copyImage(rows[k], out, k * size);
      ls[k] = labels[rows[k]];
      is[k] = indices[rows[k]];
    }
    return new ImageSet(out, shape, ls, is, normalization);
  }

  /** The same images (labels, indices, normalisation) with other pixels of the same shape. */
  public ImageSet withPixels(float[] other) {
    return new ImageSet(other, shape, labels, indices, normalization);
  }
}
