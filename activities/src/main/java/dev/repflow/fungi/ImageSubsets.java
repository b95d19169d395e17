package dev.repflow.fungi;

import dev.repflow.data.ImageSet;

/** Seeded subsets of an {@link ImageSet}. */
final class ImageSubsets {
  private ImageSubsets() {}

  /** {@code min(n, size)} images chosen by a seeded shuffle, in shuffled order. */
  static ImageSet seeded(ImageSet images, int n, long seed) {
    int[] order = Permutations.of(images.size(), seed);
    int k = Math.min(n, images.size());
    int size = images.pixelsPerImage();
    float[] pixels = new float[k * size];
    int[] labels = new int[k];
    int[] indices = new int[k];
    for (int i = 0; i < k; i++) {
      images.copyImage(order[i], pixels, i * size);
      labels[i] = images.labels()[order[i]];
      indices[i] = images.indices()[order[i]];
    }
    return new ImageSet(pixels, images.height(), images.width(), labels, indices);
  }
}
