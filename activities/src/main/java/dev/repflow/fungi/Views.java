package dev.repflow.fungi;

import java.util.SplittableRandom;

/**
 * Seeded image views: square random crops resized back to full size (bilinear) with random
 * horizontal flips. A sample's views depend only on the seed and the sample's key, never on its
 * batch, so per-sample gradients are reproducible.
 */
final class Views {
  private Views() {}

  /** A stream of random choices for one sample. */
  static SplittableRandom random(long seed, long sampleKey) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + sampleKey);
  }

  /**
   * Writes a crop covering a random share of the image area in [minArea, maxArea], resized to
   * {@code [h, w]}, flipped with probability 1/2.
   *
   * @param image {@code [h, w]} row-major
   */
  static void crop(
      float[] image,
      int h,
      int w,
      double minArea,
      double maxArea,
      SplittableRandom random,
      float[] out,
      int offset) {
    double area = minArea + (maxArea - minArea) * random.nextDouble();
    int side = Math.max(2, (int) Math.round(Math.sqrt(area) * Math.min(h, w)));
    int top = random.nextInt(h - side + 1);
    int left = random.nextInt(w - side + 1);
    boolean flip = random.nextBoolean();
    double step = (side - 1) / (double) Math.max(1, Math.min(h, w) - 1);
    for (int y = 0; y < h; y++) {
      double sy = top + y * step;
      int y0 = (int) Math.floor(sy);
      int y1 = Math.min(y0 + 1, h - 1);
      double fy = sy - y0;
      for (int x = 0; x < w; x++) {
        double sx = left + (flip ? w - 1 - x : x) * step;
        int x0 = (int) Math.floor(sx);
        int x1 = Math.min(x0 + 1, w - 1);
        double fx = sx - x0;
        double top2 = image[y0 * w + x0] * (1 - fx) + image[y0 * w + x1] * fx;
        double bottom = image[y1 * w + x0] * (1 - fx) + image[y1 * w + x1] * fx;
        out[offset + y * w + x] = (float) (top2 * (1 - fy) + bottom * fy);
      }
    }
  }
}
