package dev.repflow.data.corruptions;

import java.util.Random;

/** Fog, snow and spatter for grayscale images. */
final class WeatherCorruptions {
  private static final double[] FOG_STRENGTH = {0.2, 0.5, 0.75, 1.0, 1.5};
  private static final double[] FOG_DECAY = {3, 3, 2.5, 2, 1.75};
  private static final double[] SNOW_DENSITY = {0.03, 0.06, 0.1, 0.15, 0.22};
  private static final int[] SNOW_STREAK = {3, 3, 5, 5, 7};
  private static final double[] SPATTER_COVER = {0.08, 0.15, 0.22, 0.3, 0.4};

  private WeatherCorruptions() {}

  /** Adds a smooth haze field and rescales, as CIFAR-10-C's fog does. */
  static float[] fog(float[] x, int h, int w, int s, Random random) {
    float[] haze = Filters.smoothNoise(h, w, FOG_DECAY[s - 1], random);
    double strength = FOG_STRENGTH[s - 1];
    float max = 0;
    for (float v : x) {
      max = Math.max(max, v);
    }
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (float) ((x[i] + strength * haze[i]) * max / (max + strength));
    }
    return Filters.clip(out);
  }

  /** Bright flakes streaked along a random direction, laid over a slightly greyed image. */
  static float[] snow(float[] x, int h, int w, int s, Random random) {
    double angle = random.nextDouble() * Math.PI;
    float[] flakes = new float[x.length];
    for (int i = 0; i < flakes.length; i++) {
      double u = random.nextDouble();
      flakes[i] = u < SNOW_DENSITY[s - 1] ? 1f : 0f;
    }
    float[] streaks = Filters.convolve(flakes, h, w, Filters.lineKernel(SNOW_STREAK[s - 1], angle));
    float[] out = new float[x.length];
    float grey = 0.1f * s;
    for (int i = 0; i < x.length; i++) {
      float base = Math.max(x[i], grey);
      out[i] = Math.max(base, Math.min(1f, streaks[i] * SNOW_STREAK[s - 1] * 0.8f));
    }
    return Filters.clip(out);
  }

  /** Mid-grey mud blobs where a smooth random field exceeds a severity threshold. */
  static float[] spatter(float[] x, int h, int w, int s, Random random) {
    float[] field = Filters.smoothNoise(h, w, 1.6, random);
    double threshold = 1 - SPATTER_COVER[s - 1];
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      // Soft edge over 0.05 of the field's range.
      double m = Math.min(1, Math.max(0, (field[i] - threshold) / 0.05));
      out[i] = (float) ((1 - m) * x[i] + m * 0.45);
    }
    return Filters.clip(out);
  }
}
