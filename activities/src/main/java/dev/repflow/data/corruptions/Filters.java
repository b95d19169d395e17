package dev.repflow.data.corruptions;

import java.util.Random;

/** Image operations the corruptions share, on {@code [H, W]} row-major float images. */
final class Filters {
  private Filters() {}

  /** Values clamped to [0, 1], in place; returns {@code image}. */
  static float[] clip(float[] image) {
    for (int i = 0; i < image.length; i++) {
      image[i] = Math.min(1f, Math.max(0f, image[i]));
    }
    return image;
  }

  /** Normalised 2-D Gaussian kernel {@code [k, k]}, k = 2 * ceil(3 sigma) + 1. */
  static float[][] gaussianKernel(double sigma) {
    int r = Math.max(1, (int) Math.ceil(3 * sigma));
    float[][] k = new float[2 * r + 1][2 * r + 1];
    for (int dy = -r; dy <= r; dy++) {
      for (int dx = -r; dx <= r; dx++) {
        k[dy + r][dx + r] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
      }
    }
    return normalised(k);
  }

  /** Kernel scaled to sum 1. */
  static float[][] normalised(float[][] kernel) {
    double sum = 0;
    for (float[] row : kernel) {
      for (float v : row) {
        sum += v;
      }
    }
    for (float[] row : kernel) {
      for (int i = 0; i < row.length; i++) {
        row[i] /= (float) sum;
      }
    }
    return kernel;
  }

  /** 2-D correlation with an odd square kernel; borders replicate the edge pixel. */
  static float[] convolve(float[] image, int h, int w, float[][] kernel) {
    int r = kernel.length / 2;
    float[] out = new float[image.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sum = 0;
        for (int dy = -r; dy <= r; dy++) {
          int yy = Math.min(h - 1, Math.max(0, y + dy));
          for (int dx = -r; dx <= r; dx++) {
            int xx = Math.min(w - 1, Math.max(0, x + dx));
            sum += kernel[dy + r][dx + r] * image[yy * w + xx];
          }
        }
        out[y * w + x] = (float) sum;
      }
    }
    return out;
  }

  /** Bilinear sample at (y, x); outside the image the edge pixel repeats. */
  static float sample(float[] image, int h, int w, double y, double x) {
    y = Math.min(h - 1, Math.max(0, y));
    x = Math.min(w - 1, Math.max(0, x));
    int y0 = (int) Math.floor(y);
    int x0 = (int) Math.floor(x);
    int y1 = Math.min(h - 1, y0 + 1);
    int x1 = Math.min(w - 1, x0 + 1);
    double fy = y - y0;
    double fx = x - x0;
    double top = image[y0 * w + x0] * (1 - fx) + image[y0 * w + x1] * fx;
    double bottom = image[y1 * w + x0] * (1 - fx) + image[y1 * w + x1] * fx;
    return (float) (top * (1 - fy) + bottom * fy);
  }

  /** The image magnified by {@code factor} about its centre, cropped to the same size. */
  static float[] zoom(float[] image, int h, int w, double factor) {
    float[] out = new float[image.length];
    double cy = (h - 1) / 2.0;
    double cx = (w - 1) / 2.0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + x] = sample(image, h, w, cy + (y - cy) / factor, cx + (x - cx) / factor);
      }
    }
    return out;
  }

  /**
   * Smooth random field {@code [H, W]} in [0, 1]: octaves of bilinearly upsampled uniform noise,
   * octave o weighted {@code decay^-o} (small decay = rough, like CIFAR-C's plasma fractal).
   */
  static float[] smoothNoise(int h, int w, double decay, Random random) {
    float[] field = new float[h * w];
    double amplitude = 1;
    for (int cells = 2; cells <= Math.max(h, w); cells *= 2) {
      float[] grid = new float[(cells + 1) * (cells + 1)];
      for (int i = 0; i < grid.length; i++) {
        grid[i] = random.nextFloat();
      }
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double gy = (double) y * cells / h;
          double gx = (double) x * cells / w;
          field[y * w + x] += (float) (amplitude * sample(grid, cells + 1, cells + 1, gy, gx));
        }
      }
      amplitude /= decay;
    }
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : field) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    for (int i = 0; i < field.length; i++) {
      field[i] = (field[i] - min) / Math.max(1e-6f, max - min);
    }
    return field;
  }

  /** Normalised line kernel of odd {@code length} at {@code angle} radians (motion blur). */
  static float[][] lineKernel(int length, double angle) {
    float[][] k = new float[length][length];
    int r = length / 2;
    for (int t = -4 * r; t <= 4 * r; t++) {
      double s = t / 4.0;
      int x = (int) Math.round(r + s * Math.cos(angle));
      int y = (int) Math.round(r + s * Math.sin(angle));
      k[y][x] = 1;
    }
    return normalised(k);
  }
}
