package dev.repflow.eval;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Multinomial logistic regression {@code softmax(W x + b)} with an L2 penalty on {@code W} (not
 * {@code b}), trained full-batch with Adam (betas 0.9/0.999, eps 1e-8) for a fixed number of steps
 * from zero weights: deterministic, no seed needed. The linear probe of FUNGI's evaluation and the
 * NC3/NC4 classifier of the neural-collapse measures.
 *
 * <p>Plain Java on purpose: with 5-10 classes each step is two skinny products with the {@code [N,
 * D]} features, bound by memory, not arithmetic, and MKL's vendor-neutral GEMM branch (the portable
 * numerics profile) runs those at about 1.5 GFLOP/s. Here both are vectorisable loops over the
 * float32 features in row blocks (logits from a column-major copy, gradients from the rows), with
 * float64 sums; blocks run in parallel and their gradients are added in block order, so the result
 * is the same on every CPU and thread count.
 */
public final class LogisticProbe {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;
  private static final int BLOCK = 1024;

  private final long[] classes; // label of each class row, [C]
  private final double[][] weights; // [C, D]
  private final double[] bias; // [C]

  private LogisticProbe(long[] classes, double[][] weights, double[] bias) {
    this.classes = classes;
    this.weights = weights;
    this.bias = bias;
  }

  /**
   * Fits on {@code x [N, D]} with labels {@code y [N]}; the classes are the distinct labels in
   * ascending order.
   */
  public static LogisticProbe fit(
      float[][] x, long[] y, int steps, double learningRate, double weightDecay) {
    long[] classes =
        new TreeSet<>(Arrays.stream(y).boxed().toList())
            .stream().mapToLong(Long::longValue).toArray();
    int[] target = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      target[i] = Arrays.binarySearch(classes, y[i]);
    }
    return fit(x, target, classes, steps, learningRate, weightDecay, step -> {});
  }

  /**
   * Fits on {@code x [N, D]} where {@code rows [N]} gives each sample's class row {@code 0..C-1}; a
   * class may have no samples. The fitted probe's labels are the rows.
   *
   * @param onStep called after each step with the step number (progress)
   */
  public static LogisticProbe fit(
      float[][] x,
      int[] rows,
      int classes,
      int steps,
      double learningRate,
      double weightDecay,
      IntConsumer onStep) {
    long[] labels = LongStream.range(0, classes).toArray();
    return fit(x, rows, labels, steps, learningRate, weightDecay, onStep);
  }

  private static LogisticProbe fit(
      float[][] x,
      int[] target,
      long[] classes,
      int steps,
      double learningRate,
      double weightDecay,
      IntConsumer onStep) {
    int c = classes.length;
    int d = x[0].length;
    float[][] columns = transpose(x);
    double[][] w = new double[c][d];
    double[] b = new double[c];
    Adam adamW = new Adam(c * d, learningRate);
    Adam adamB = new Adam(c, learningRate);
    int blocks = (x.length + BLOCK - 1) / BLOCK;
    for (int step = 1; step <= steps; step++) {
      LogisticProbe current = new LogisticProbe(classes, w, b);
      double[][] partial = // per block: [C * D weight gradient, then C bias gradient]
          IntStream.range(0, blocks)
              .parallel()
              .mapToObj(k -> current.blockGradient(x, columns, target, k))
              .toArray(double[][]::new);
      double[] grad = new double[c * d + c];
      for (double[] p : partial) {
        for (int i = 0; i < grad.length; i++) {
          grad[i] += p[i];
        }
      }
      double[] flatW = new double[c * d];
      for (int k = 0; k < c; k++) {
        for (int j = 0; j < d; j++) {
          flatW[k * d + j] = w[k][j];
          grad[k * d + j] = grad[k * d + j] / x.length + weightDecay * w[k][j];
        }
      }
      double[] gradB = new double[c];
      for (int k = 0; k < c; k++) {
        gradB[k] = grad[c * d + k] / x.length;
      }
      adamW.step(flatW, grad, step);
      adamB.step(b, gradB, step);
      for (int k = 0; k < c; k++) {
        System.arraycopy(flatW, k * d, w[k], 0, d);
      }
      onStep.accept(step);
    }
    return new LogisticProbe(classes, w, b);
  }

  /** Unscaled loss gradient of rows {@code [k * BLOCK, ...)}: sum_i (p_i - onehot_i) [x_i, 1]. */
  private double[] blockGradient(float[][] x, float[][] columns, int[] target, int block) {
    int from = block * BLOCK;
    int to = Math.min(x.length, from + BLOCK);
    int c = classes.length;
    int d = x[0].length;
    double[][] p = probabilities(columns, from, to);
    double[] grad = new double[c * d + c];
    for (int i = from; i < to; i++) {
      p[target[i]][i - from] -= 1;
      float[] row = x[i];
      for (int k = 0; k < c; k++) {
        double g = p[k][i - from];
        int offset = k * d;
        for (int j = 0; j < d; j++) {
          grad[offset + j] += g * row[j];
        }
        grad[c * d + k] += g;
      }
    }
    return grad;
  }

  /** Softmax of the logits of rows {@code [from, to)}, {@code [C][to - from]}. */
  private double[][] probabilities(float[][] columns, int from, int to) {
    int c = classes.length;
    int n = to - from;
    double[][] logits = new double[c][n];
    for (int k = 0; k < c; k++) {
      Arrays.fill(logits[k], bias[k]);
      double[] wk = weights[k];
      double[] out = logits[k];
      for (int j = 0; j < columns.length; j++) {
        double wkj = wk[j];
        float[] column = columns[j];
        for (int i = 0; i < n; i++) {
          out[i] += wkj * column[from + i];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < c; k++) {
        max = Math.max(max, logits[k][i]);
      }
      double sum = 0;
      for (int k = 0; k < c; k++) {
        logits[k][i] = Math.exp(logits[k][i] - max);
        sum += logits[k][i];
      }
      for (int k = 0; k < c; k++) {
        logits[k][i] /= sum;
      }
    }
    return logits;
  }

  /** Class probabilities {@code [C][N]} of {@code x [N, D]}, classes in ascending label order. */
  public double[][] probabilities(float[][] x) {
    return probabilities(transpose(x), 0, x.length);
  }

  /** Predicted labels {@code [N]}: the class of the largest probability, the first on ties. */
  public long[] predict(float[][] x) {
    double[][] p = probabilities(x);
    long[] out = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      int best = 0;
      for (int k = 1; k < classes.length; k++) {
        if (p[k][i] > p[best][i]) {
          best = k;
        }
      }
      out[i] = classes[best];
    }
    return out;
  }

  /** A copy of the weights, {@code [C, D]}, class rows in ascending label order. */
  public double[][] weights() {
    return Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
  }

  /** A copy of the bias, {@code [C]}. */
  public double[] bias() {
    return bias.clone();
  }

  private static float[][] transpose(float[][] x) {
    float[][] t = new float[x[0].length][x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[i].length; j++) {
        t[j][i] = x[i][j];
      }
    }
    return t;
  }

  /** Adam's moment estimates for one flat parameter vector. */
  private static final class Adam {
    private final double[] m;
    private final double[] v;
    private final double lr;

    Adam(int size, double lr) {
      m = new double[size];
      v = new double[size];
      this.lr = lr;
    }

    void step(double[] param, double[] grad, int t) {
      double c1 = 1 - Math.pow(BETA1, t);
      double c2 = 1 - Math.pow(BETA2, t);
      for (int i = 0; i < param.length; i++) {
        m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
        v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
        param[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
      }
    }
  }
}
