package dev.repflow.data;

import java.util.Locale;

/**
 * The shape of one image as models see it, {@code [C, H, W]}.
 *
 * @param channels C: 1 for grayscale, 3 for RGB
 * @param height H in pixels
 * @param width W in pixels
 */
public record ImageShape(int channels, int height, int width) {

  public ImageShape {
    if (channels < 1 || channels > 8 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "image shape must be 1..8 channels (6: anchored RGB) and a positive size, got "
              + channels
              + "x"
              + height
              + "x"
              + width);
    }
  }

  /** Values per image, C * H * W. */
  public int values() {
    return Math.toIntExact((long) channels * height * width);
  }

  /** Pixels per channel, H * W. */
  public int pixels() {
    return height * width;
  }

  /** E.g. {@code 3x32x32} (C x H x W). */
  public String label() {
    return String.format(Locale.ROOT, "%dx%dx%d", channels, height, width);
  }
}
