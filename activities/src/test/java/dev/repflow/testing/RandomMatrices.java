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
}
