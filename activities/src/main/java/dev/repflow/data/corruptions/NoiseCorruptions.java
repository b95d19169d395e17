package dev.repflow.data.corruptions;

import java.util.Random;

/** Additive and multiplicative pixel noise (CIFAR-10-C parameters). */
final class NoiseCorruptions {
  private static final double[] GAUSSIAN = {0.08, 0.12, 0.18, 0.26, 0.38};
  private static final double[] SHOT = {60, 25, 12, 5, 3};
  private static final double[] IMPULSE = {0.03, 0.06, 0.09, 0.17, 0.27};
  private static final double[] SPECKLE = {0.15, 0.2, 0.35, 0.45, 0.6};

  private NoiseCorruptions() {}

  /** x + N(0, sigma). */
  static float[] gaussian(float[] x, int h, int w, int s, Random random) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (float) (x[i] + GAUSSIAN[s - 1] * random.nextGaussian());
    }
    return Filters.clip(out);
  }

  /**
   * Poisson(x c) / c, photon noise; sampled by inverting the CDF of one uniform per pixel, so the
   * noise pattern is the same at every severity.
   */
  static float[] shot(float[] x, int h, int w, int s, Random random) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      double lambda = x[i] * SHOT[s - 1];
      double u = random.nextDouble();
      double p = Math.exp(-lambda);
      double cdf = p;
      int k = 0;
      while (u > cdf && k < 1000) {
        k++;
        p *= lambda / k;
        cdf += p;
      }
      out[i] = (float) (k / SHOT[s - 1]);
    }
    return Filters.clip(out);
  }

  /** Salt and pepper on a fraction of the pixels. */
  static float[] impulse(float[] x, int h, int w, int s, Random random) {
    float[] out = x.clone();
    for (int i = 0; i < x.length; i++) {
      double u = random.nextDouble();
      boolean salt = random.nextBoolean();
      if (u < IMPULSE[s - 1]) {
        out[i] = salt ? 1f : 0f;
      }
    }
    return out;
  }

  /** x + x N(0, c). */
  static float[] speckle(float[] x, int h, int w, int s, Random random) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (float) (x[i] + x[i] * SPECKLE[s - 1] * random.nextGaussian());
    }
    return Filters.clip(out);
  }
}
