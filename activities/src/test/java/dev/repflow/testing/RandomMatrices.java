package dev.repflow.testing;

import java.util.Random;

/** Seeded random test matrices. */
public final class RandomMatrices {
  private RandomMatrices() {}

  /** {@code [rows, cols]} standard normal entries from {@code new Random(seed)}. */
  public static double[][] gaussian(int rows, int cols, long seed) {
    Random random = new Random(seed);
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return m;
  }

  /**
   * {@code [n, d]} float32 rows from {@code new Random(seed)}: column {@code j} is normal with
   * standard deviation {@code j + 1} (well-separated principal components), and odd rows are
   * shifted by {@code shift} in every column (two classes by row parity).
   */
  public static float[][] shiftedGaussian(int n, int d, long seed, double shift) {
    Random r = new Random(seed);
    float[][] x = new float[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = (float) (r.nextGaussian() * (j + 1) + (i % 2) * shift);
      }
    }
    return x;
  }
}
