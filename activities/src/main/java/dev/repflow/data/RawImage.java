package dev.repflow.data;

/**
 * One decoded image as stored: 8-bit values, channels interleaved.
 *
 * @param values {@code [H, W, C]} row-major, unsigned bytes
 * @param channels C: 1 (gray), 3 (RGB) or 4 (RGBA)
 */
public record RawImage(byte[] values, int height, int width, int channels) {

  public RawImage {
    if ((long) height * width * channels != values.length) {
      throw new IllegalArgumentException(
          "image has "
              + values.length
              + " values, expected "
              + height
              + " x "
              + width
              + " x "
              + channels);
    }
  }

  /** Value of channel {@code c} at row {@code y}, column {@code x}, as 0..255. */
  public int at(int y, int x, int c) {
    return values[(y * width + x) * channels + c] & 0xff;
  }
}
