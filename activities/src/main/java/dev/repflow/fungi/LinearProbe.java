package dev.repflow.fungi;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Multinomial logistic regression with an L2 penalty, trained full-batch with Adam (lr 0.05) for a
 * fixed number of steps from zero weights: deterministic, no seed needed.
 */
final class LinearProbe {
  private static final double LR = 0.05;
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;

  private final long[] classes;
  private final double[][] weights; // [C, D + 1], last column the bias

  private LinearProbe(long[] classes, double[][] weights) {
    this.classes = classes;
    this.weights = weights;
  }

  /** Fits on {@code x [N, D]} with labels {@code y [N]}. */
  static LinearProbe fit(float[][] x, long[] y, int steps, double weightDecay) {
    long[] classes =
        new TreeSet<>(Arrays.stream(y).boxed().toList())
            .stream().mapToLong(Long::longValue).toArray();
    int c = classes.length;
    int d = x[0].length;
    int[] target = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      target[i] = Arrays.binarySearch(classes, y[i]);
    }
    double[][] w = new double[c][d + 1];
    double[][] m = new double[c][d + 1];
    double[][] v = new double[c][d + 1];
    double[] p = new double[c];
    for (int step = 1; step <= steps; step++) {
      double[][] grad = new double[c][d + 1];
      for (int i = 0; i < x.length; i++) {
        softmax(w, x[i], p);
        p[target[i]] -= 1;
        for (int k = 0; k < c; k++) {
          double g = p[k] / x.length;
          double[] gk = grad[k];
          for (int j = 0; j < d; j++) {
            gk[j] += g * x[i][j];
          }
          gk[d] += g;
        }
      }
      for (int k = 0; k < c; k++) {
        for (int j = 0; j <= d; j++) {
          double g = grad[k][j] + (j < d ? weightDecay * w[k][j] : 0);
          m[k][j] = BETA1 * m[k][j] + (1 - BETA1) * g;
          v[k][j] = BETA2 * v[k][j] + (1 - BETA2) * g * g;
          double mHat = m[k][j] / (1 - Math.pow(BETA1, step));
          double vHat = v[k][j] / (1 - Math.pow(BETA2, step));
          w[k][j] -= LR * mHat / (Math.sqrt(vHat) + 1e-8);
        }
      }
    }
    return new LinearProbe(classes, w);
  }

  /** Predicted labels {@code [N]}. */
  long[] predict(float[][] x) {
    long[] out = new long[x.length];
    double[] p = new double[classes.length];
    for (int i = 0; i < x.length; i++) {
      softmax(weights, x[i], p);
      int best = 0;
      for (int k = 1; k < p.length; k++) {
        if (p[k] > p[best]) {
          best = k;
        }
      }
      out[i] = classes[best];
    }
    return out;
  }

  private static void softmax(double[][] w, float[] x, double[] p) {
    int d = x.length;
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < w.length; k++) {
      double s = w[k][d];
      for (int j = 0; j < d; j++) {
        s += w[k][j] * x[j];
      }
      p[k] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      p[k] = Math.exp(p[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < p.length; k++) {
      p[k] /= sum;
    }
  }
}
