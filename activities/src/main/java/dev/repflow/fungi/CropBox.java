package dev.repflow.fungi;

import java.util.SplittableRandom;

/**
 * A rectangle of an image: rows {@code [top, top + height)}, columns {@code [left, left + width)}.
 */
record CropBox(int top, int left, int height, int width) {
  private static final double LOG_MIN_RATIO = Math.log(3.0 / 4);
  private static final double LOG_MAX_RATIO = Math.log(4.0 / 3);
  private static final int ATTEMPTS = 10;

  CropBox {
    if (top < 0 || left < 0 || height < 1 || width < 1) {
      throw new IllegalArgumentException("bad crop box " + height + "x" + width + " at " + top);
    }
  }

  /**
   * torchvision's {@code RandomResizedCrop} box (as DINO's augmentation draws it): an area share
   * uniform in {@code [minScale, maxScale]}, an aspect ratio log-uniform in [3/4, 4/3], sides
   * rounded half-to-even; up to 10 tries to fit, then the centred largest box within those ratios.
   */
  static CropBox randomResized(
      SplittableRandom random, int h, int w, double minScale, double maxScale) {
    double area = (double) h * w;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      double target = area * (minScale + (maxScale - minScale) * random.nextDouble());
      double ratio =
          Math.exp(LOG_MIN_RATIO + (LOG_MAX_RATIO - LOG_MIN_RATIO) * random.nextDouble());
      int cw = (int) Math.rint(Math.sqrt(target * ratio));
      int ch = (int) Math.rint(Math.sqrt(target / ratio));
      if (cw > 0 && cw <= w && ch > 0 && ch <= h) {
        return new CropBox(random.nextInt(h - ch + 1), random.nextInt(w - cw + 1), ch, cw);
      }
    }
    double ratio = (double) w / h;
    int ch = h;
    int cw = w;
    if (ratio < 3.0 / 4) {
      ch = (int) Math.rint(w / (3.0 / 4));
    } else if (ratio > 4.0 / 3) {
      cw = (int) Math.rint(h * (4.0 / 3));
    }
    return new CropBox((h - ch) / 2, (w - cw) / 2, ch, cw);
  }

  /**
   * Writes this box of {@code image} resized to the image's own size {@code [h, w]} (bicubic) into
   * {@code out} at {@code offset}.
   *
   * @param image {@code [h, w]} row-major
   */
  void resizeInto(float[] image, int h, int w, float[] out, int offset) {
    if (top + height > h || left + width > w) {
      throw new IllegalArgumentException(
          "crop box " + this + " does not fit a " + h + "x" + w + " image");
    }
    Bicubic.resize(image, w, this, h, w, out, offset);
  }
}
