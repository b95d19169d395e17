package dev.repflow.data.corruptions;

import java.util.Random;

/**
 * Blurs, with radii scaled from CIFAR-10-C's 32x32 to 28x28 images. Glass blur grows its pixel
 * shuffle (distance and passes) with severity; CIFAR-10-C's sigmas (0.05, 0.25, 0.4, 0.25, 0.4)
 * would make severity 2 distort less than 1 on these small images.
 */
final class BlurCorruptions {
  private static final double[] DEFOCUS_RADIUS = {1.0, 1.5, 2.0, 2.5, 3.0};
  private static final double[] GAUSSIAN_SIGMA = {0.4, 0.6, 0.8, 1.0, 1.4};
  private static final int[] MOTION_LENGTH = {3, 5, 7, 9, 11};
  private static final double[] ZOOM_MAX = {1.06, 1.11, 1.16, 1.21, 1.26};
  private static final double GLASS_SIGMA = 0.4;
  private static final int[] GLASS_DELTA = {1, 1, 2, 2, 3};
  private static final int[] GLASS_ITERATIONS = {1, 2, 2, 3, 3};

  private BlurCorruptions() {}

  /** Disk kernel (out-of-focus lens), slightly smoothed. */
  static float[] defocus(float[] x, int h, int w, int s, Random random) {
    double radius = DEFOCUS_RADIUS[s - 1];
    int r = (int) Math.ceil(radius);
    float[][] disk = new float[2 * r + 1][2 * r + 1];
    for (int dy = -r; dy <= r; dy++) {
      for (int dx = -r; dx <= r; dx++) {
        disk[dy + r][dx + r] = dx * dx + dy * dy <= radius * radius ? 1 : 0;
      }
    }
    return Filters.clip(Filters.convolve(x, h, w, Filters.normalised(disk)));
  }

  static float[] gaussian(float[] x, int h, int w, int s, Random random) {
    return Filters.clip(Filters.convolve(x, h, w, Filters.gaussianKernel(GAUSSIAN_SIGMA[s - 1])));
  }

  /** Line kernel at a random angle (camera shake). */
  static float[] motion(float[] x, int h, int w, int s, Random random) {
    double angle = random.nextDouble() * Math.PI;
    return Filters.clip(Filters.convolve(x, h, w, Filters.lineKernel(MOTION_LENGTH[s - 1], angle)));
  }

  /** Mean of the image zoomed by factors from 1 to the severity's maximum. */
  static float[] zoom(float[] x, int h, int w, int s, Random random) {
    float[] sum = x.clone();
    int steps = 1;
    for (double f = 1.01; f <= ZOOM_MAX[s - 1] + 1e-9; f += 0.01) {
      float[] z = Filters.zoom(x, h, w, f);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += z[i];
      }
      steps++;
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= steps;
    }
    return Filters.clip(sum);
  }

  /** Blur, then swap pixels with random neighbours up to d away (frosted glass), blur again. */
  static float[] glass(float[] x, int h, int w, int s, Random random) {
    float[][] kernel = Filters.gaussianKernel(GLASS_SIGMA);
    float[] out = Filters.convolve(x, h, w, kernel);
    int d = GLASS_DELTA[s - 1];
    for (int it = 0; it < GLASS_ITERATIONS[s - 1]; it++) {
      for (int y = h - 1 - d; y >= d; y--) {
        for (int xx = w - 1 - d; xx >= d; xx--) {
          int ny = y + random.nextInt(2 * d + 1) - d;
          int nx = xx + random.nextInt(2 * d + 1) - d;
          float swap = out[y * w + xx];
          out[y * w + xx] = out[ny * w + nx];
          out[ny * w + nx] = swap;
        }
      }
    }
    return Filters.clip(Filters.convolve(out, h, w, kernel));
  }
}
