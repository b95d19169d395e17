package dev.repflow.collapse;

import java.util.function.IntConsumer;

/**
 * Multinomial logistic regression {@code softmax(W x + b)} fitted by full-batch Adam from zero
 * weights, so a fit is deterministic. Gives NC3/NC4 a linear classifier when the backbone's own
 * head was trained on other classes.
 */
public final class SoftmaxProbe {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;

  private SoftmaxProbe() {}

  /**
   * Fitted weights {@code [K, D]} and bias {@code [K]}.
   *
   * @param trainAccuracy share of the training rows the probe classifies correctly
   */
  public record Fit(double[][] weights, double[] bias, double trainAccuracy) {}

  /**
   * @param x {@code [N, D]} features
   * @param rows {@code [N]} class row 0..K-1 of each sample
   * @param l2 weight decay on {@code W} (not on {@code b})
   * @param onStep called after each step with the step number (progress)
   */
  public static Fit fit(
      float[][] x,
      int[] rows,
      int classes,
      int steps,
      double learningRate,
      double l2,
      IntConsumer onStep) {
    int n = x.length;
    int dim = x[0].length;
    int cols = dim + 1; // last column is the bias
    double[][] w = new double[classes][cols];
    double[][] m = new double[classes][cols];
    double[][] v = new double[classes][cols];
    double[] p = new double[classes];
    for (int t = 1; t <= steps; t++) {
      double[][] grad = new double[classes][cols];
      for (int i = 0; i < n; i++) {
        softmax(w, x[i], p);
        p[rows[i]] -= 1;
        for (int k = 0; k < classes; k++) {
          double g = p[k] / n;
          double[] gk = grad[k];
          for (int d = 0; d < dim; d++) {
            gk[d] += g * x[i][d];
          }
          gk[dim] += g;
        }
      }
      double c1 = 1 - Math.pow(BETA1, t);
      double c2 = 1 - Math.pow(BETA2, t);
      for (int k = 0; k < classes; k++) {
        for (int d = 0; d < cols; d++) {
          double g = grad[k][d] + (d < dim ? l2 * w[k][d] : 0);
          m[k][d] = BETA1 * m[k][d] + (1 - BETA1) * g;
          v[k][d] = BETA2 * v[k][d] + (1 - BETA2) * g * g;
          w[k][d] -= learningRate * (m[k][d] / c1) / (Math.sqrt(v[k][d] / c2) + EPS);
        }
      }
      onStep.accept(t);
    }
    int correct = 0;
    for (int i = 0; i < n; i++) {
      softmax(w, x[i], p);
      int best = 0;
      for (int k = 1; k < classes; k++) {
        best = p[k] > p[best] ? k : best;
      }
      correct += best == rows[i] ? 1 : 0;
    }
    double[][] weights = new double[classes][];
    double[] bias = new double[classes];
    for (int k = 0; k < classes; k++) {
      weights[k] = java.util.Arrays.copyOf(w[k], dim);
      bias[k] = w[k][dim];
    }
    return new Fit(weights, bias, (double) correct / n);
  }

  /** Class probabilities of one sample into {@code out [K]}. */
  private static void softmax(double[][] w, float[] x, double[] out) {
    int dim = x.length;
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < w.length; k++) {
      double s = w[k][dim];
      for (int d = 0; d < dim; d++) {
        s += w[k][d] * x[d];
      }
      out[k] = s;
      max = Math.max(max, s);
    }
    double total = 0;
    for (int k = 0; k < w.length; k++) {
      out[k] = Math.exp(out[k] - max);
      total += out[k];
    }
    for (int k = 0; k < w.length; k++) {
      out[k] /= total;
    }
  }
}
