package dev.repflow.fungi;

/**
 * How one image becomes the V views an objective feeds through the network. A sample's views may
 * depend only on the image and its key, never on its batch, so per-sample gradients are the same in
 * any batch.
 */
interface ImageViews {

  /** Views V per image. */
  int count();

  /**
   * Writes the V views of one image, {@code [V, h, w]}, at {@code offset}.
   *
   * @param image {@code [h, w]} row-major
   * @param sampleKey identifies the sample (its index in the source split) for seeded views
   */
  void write(float[] image, int h, int w, long sampleKey, float[] out, int offset);
}
