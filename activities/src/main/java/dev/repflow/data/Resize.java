package dev.repflow.data;

/**
 * Bilinear resampling of 8-bit images the way Pillow's {@code Image.resize(..., BILINEAR)} does it
 * (what torchvision's {@code Resize} calls on PIL images): a triangle filter whose support widens
 * with the downscaling factor (antialiasing), horizontal pass then vertical pass, each rounded to 8
 * bits. Pillow computes in fixed point; this computes in double, so a value may differ by one level
 * where Pillow's rounding tips the other way.
 */
final class Resize {
  private Resize() {}

  /**
   * @param hwc {@code [H, W, C]} values 0..255
   * @return {@code [outH, outW, C]} values 0..255 (integers)
   */
  static float[] bilinear(float[] hwc, int height, int width, int channels, int outH, int outW) {
    float[] rows = hwc;
    if (outW != width) {
      rows = pass(hwc, height, width, channels, outW, true);
    }
    if (outH != height) {
      rows = pass(rows, height, outW, channels, outH, false);
    }
    return rows;
  }

  /** One separable pass along width ({@code horizontal}) or height. */
  private static float[] pass(
      float[] in, int height, int width, int channels, int outSize, boolean horizontal) {
    int inSize = horizontal ? width : height;
    Weights w = Weights.of(inSize, outSize);
    int outH = horizontal ? height : outSize;
    int outW = horizontal ? outSize : width;
    float[] out = new float[outH * outW * channels];
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++) {
        int o = horizontal ? x : y;
        for (int c = 0; c < channels; c++) {
          double sum = 0;
          for (int k = 0; k < w.count[o]; k++) {
            int src = w.first[o] + k;
            int at = horizontal ? (y * width + src) : (src * width + x);
            sum += in[at * channels + c] * w.weights[o][k];
          }
          out[(y * outW + x) * channels + c] = clip8(sum);
        }
      }
    }
    return out;
  }

  private static float clip8(double v) {
    return (float) Math.max(0, Math.min(255, Math.floor(v + 0.5)));
  }

  /** Normalised filter weights per output coordinate. */
  private record Weights(int[] first, int[] count, double[][] weights) {
    static Weights of(int inSize, int outSize) {
      double scale = (double) inSize / outSize;
      double filterScale = Math.max(scale, 1);
      double support = filterScale; // the triangle filter reaches 1 pixel, widened when shrinking
      int[] first = new int[outSize];
      int[] count = new int[outSize];
      double[][] weights = new double[outSize][];
      for (int o = 0; o < outSize; o++) {
        double center = (o + 0.5) * scale;
        int from = Math.max((int) (center - support + 0.5), 0);
        int to = Math.min((int) (center + support + 0.5), inSize);
        double[] k = new double[to - from];
        double total = 0;
        for (int j = 0; j < k.length; j++) {
          double t = Math.abs((j + from - center + 0.5) / filterScale);
          k[j] = t < 1 ? 1 - t : 0;
          total += k[j];
        }
        for (int j = 0; j < k.length; j++) {
          k[j] = total == 0 ? 0 : k[j] / total;
        }
        first[o] = from;
        count[o] = k.length;
        weights[o] = k;
      }
      return new Weights(first, count, weights);
    }
  }
}
