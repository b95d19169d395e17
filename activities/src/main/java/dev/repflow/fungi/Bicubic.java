package dev.repflow.fungi;

/**
 * Bicubic resampling as PIL and torchvision ({@code antialias=True}) do it: Keys' cubic with a =
 * -0.5, the kernel widened by the scale when shrinking, taps outside the source dropped and the
 * remaining weights renormalised; along each row first, then along each column. Computed in double,
 * no clamping.
 */
final class Bicubic {
  private static final double A = -0.5;

  private Bicubic() {}

  /**
   * Resizes {@code box} of {@code image} to {@code [outH, outW]}.
   *
   * @param image row-major, {@code width} values per row
   * @param out receives {@code outH * outW} values at {@code offset}
   */
  static void resize(
      float[] image, int width, CropBox box, int outH, int outW, float[] out, int offset) {
    Taps cols = Taps.of(box.width(), outW);
    Taps rows = Taps.of(box.height(), outH);
    double[] horizontal = new double[box.height() * outW]; // [box rows, outW]
    for (int r = 0; r < box.height(); r++) {
      int rowStart = (box.top() + r) * width + box.left();
      for (int x = 0; x < outW; x++) {
        double sum = 0;
        for (int k = 0; k < cols.weights[x].length; k++) {
          sum += cols.weights[x][k] * image[rowStart + cols.first[x] + k];
        }
        horizontal[r * outW + x] = sum;
      }
    }
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++) {
        double sum = 0;
        for (int k = 0; k < rows.weights[y].length; k++) {
          sum += rows.weights[y][k] * horizontal[(rows.first[y] + k) * outW + x];
        }
        out[offset + y * outW + x] = (float) sum;
      }
    }
  }

  /** Source taps of each output position along one axis: first index and normalised weights. */
  private record Taps(int[] first, double[][] weights) {
    static Taps of(int inSize, int outSize) {
      double scale = (double) inSize / outSize;
      double support = 2 * Math.max(scale, 1);
      double stretch = Math.max(scale, 1);
      int[] first = new int[outSize];
      double[][] weights = new double[outSize][];
      for (int i = 0; i < outSize; i++) {
        double center = scale * (i + 0.5);
        int min = Math.max((int) (center - support + 0.5), 0);
        int max = Math.min((int) (center + support + 0.5), inSize);
        double[] w = new double[max - min];
        double total = 0;
        for (int j = 0; j < w.length; j++) {
          w[j] = cubic((j + min - center + 0.5) / stretch);
          total += w[j];
        }
        for (int j = 0; j < w.length; j++) {
          w[j] = total == 0 ? 0 : w[j] / total;
        }
        first[i] = min;
        weights[i] = w;
      }
      return new Taps(first, weights);
    }
  }

  private static double cubic(double x) {
    double t = Math.abs(x);
    if (t < 1) {
      return ((A + 2) * t - (A + 3)) * t * t + 1;
    }
    if (t < 2) {
      return (((t - 5) * t + 8) * t - 4) * A;
    }
    return 0;
  }
}
