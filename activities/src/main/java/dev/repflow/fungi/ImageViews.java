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
   * Writes the V views of one single-channel image, {@code [V, h, w]}, at {@code offset}.
   *
   * @param image {@code [h, w]} row-major
   * @param sampleKey identifies the sample (its index in the source split) for seeded views
   */
  void write(float[] image, int h, int w, long sampleKey, float[] out, int offset);

  /**
   * Writes the V views of a {@code channels}-channel image, {@code [V, C, h, w]}, at {@code
   * offset}: every channel goes through the same views (the same crops of the same sample).
   *
   * @param image {@code [C, h, w]} row-major
   */
  default void write(
      float[] image, int channels, int h, int w, long sampleKey, float[] out, int offset) {
    if (channels == 1) {
      write(image, h, w, sampleKey, out, offset);
      return;
    }
    int plane = h * w;
    float[] one = new float[plane];
    float[] views = new float[count() * plane];
    for (int c = 0; c < channels; c++) {
      System.arraycopy(image, c * plane, one, 0, plane);
      write(one, h, w, sampleKey, views, 0);
      for (int v = 0; v < count(); v++) {
        System.arraycopy(views, v * plane, out, offset + (v * channels + c) * plane, plane);
      }
    }
  }
}
