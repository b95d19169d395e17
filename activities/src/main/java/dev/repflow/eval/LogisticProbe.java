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
 * numerics profile) runs those at about 1.5 GFLOP/s. Here both are float64 loops over row blocks
 * that HotSpot vectorises (logits from each block's columns, gradients from its rows); blocks run
 * in parallel and their gradients are added in block order, so the result is the same on every CPU
 * and thread count. The training features are held as float64 in both layouts (four times their
 * float32 size): JDK 17's auto-vectoriser leaves a loop scalar when it converts float to double or
 * indexes its two arrays with different offsets, which made the probe 3x slower.
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
    Block[] blocks =
        IntStream.range(0, (x.length + BLOCK - 1) / BLOCK)
            .parallel()
            .mapToObj(k -> Block.of(x, k * BLOCK, Math.min(x.length, (k + 1) * BLOCK)))
            .toArray(Block[]::new);
    double[][] w = new double[c][d];
    double[][] b = new double[1][c];
    Adam adamW = new Adam(c, d, learningRate);
    Adam adamB = new Adam(1, c, learningRate);
    for (int step = 1; step <= steps; step++) {
      LogisticProbe current = new LogisticProbe(classes, w, b[0]);
      Gradient[] partial =
          Arrays.stream(blocks)
              .parallel()
              .map(block -> current.gradient(block, target))
              .toArray(Gradient[]::new);
      Gradient sum = Gradient.sum(partial, c, d);
      for (int k = 0; k < c; k++) {
        for (int j = 0; j < d; j++) {
          sum.weights[k][j] = sum.weights[k][j] / x.length + weightDecay * w[k][j];
        }
        sum.bias[k] /= x.length;
      }
      adamW.step(w, sum.weights, step);
      adamB.step(b, new double[][] {sum.bias}, step);
      onStep.accept(step);
    }
    return new LogisticProbe(classes, w, b[0]);
  }

  /** Unscaled loss gradient of one block: sum_i (p_i - onehot_i) [x_i, 1]. */
  private Gradient gradient(Block block, int[] target) {
    double[][] p = probabilities(block.columns, block.rows.length);
    Gradient grad = new Gradient(classes.length, block.columns.length);
    for (int i = 0; i < block.rows.length; i++) {
      p[target[block.from + i]][i] -= 1;
      double[] row = block.rows[i];
      for (int k = 0; k < classes.length; k++) {
        double g = p[k][i];
        double[] out = grad.weights[k];
        for (int j = 0; j < row.length; j++) {
          out[j] += g * row[j];
        }
        grad.bias[k] += g;
      }
    }
    return grad;
  }

  /** Softmax of the logits of the {@code n} rows of {@code columns [D][n]}, {@code [C][n]}. */
  private double[][] probabilities(double[][] columns, int n) {
    int c = classes.length;
    double[][] logits = new double[c][n];
    for (int k = 0; k < c; k++) {
      Arrays.fill(logits[k], bias[k]);
    }
    for (int j = 0; j < columns.length; j++) { // each column once, for every class
      double[] column = columns[j];
      for (int k = 0; k < c; k++) {
        double wkj = weights[k][j];
        double[] out = logits[k];
        for (int i = 0; i < n; i++) {
          out[i] += wkj * column[i];
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
    return probabilities(Block.of(x, 0, x.length).columns, x.length);
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

  /** Rows {@code [from, to)} of the features as float64, {@code [n][D]} and {@code [D][n]}. */
  private record Block(int from, double[][] rows, double[][] columns) {
    static Block of(float[][] x, int from, int to) {
      int d = x[0].length;
      double[][] rows = new double[to - from][d];
      double[][] columns = new double[d][to - from];
      for (int i = from; i < to; i++) {
        for (int j = 0; j < d; j++) {
          rows[i - from][j] = x[i][j];
          columns[j][i - from] = x[i][j];
        }
      }
      return new Block(from, rows, columns);
    }
  }

  /** A loss gradient: {@code [C][D]} for the weights, {@code [C]} for the bias. */
  private static final class Gradient {
    final double[][] weights;
    final double[] bias;

    Gradient(int classes, int dim) {
      weights = new double[classes][dim];
      bias = new double[classes];
    }

    /** The sum of the blocks' gradients, added in block order. */
    static Gradient sum(Gradient[] parts, int classes, int dim) {
      Gradient sum = new Gradient(classes, dim);
      for (Gradient part : parts) {
        for (int k = 0; k < classes; k++) {
          double[] to = sum.weights[k];
          double[] from = part.weights[k];
          for (int j = 0; j < dim; j++) {
            to[j] += from[j];
          }
          sum.bias[k] += part.bias[k];
        }
      }
      return sum;
    }
  }

  /** Adam's moment estimates for one {@code [rows, cols]} parameter matrix. */
  private static final class Adam {
    private final double[][] m;
    private final double[][] v;
    private final double lr;

    Adam(int rows, int cols, double lr) {
      m = new double[rows][cols];
      v = new double[rows][cols];
      this.lr = lr;
    }

    void step(double[][] params, double[][] grads, int t) {
      double c1 = 1 - Math.pow(BETA1, t);
      double c2 = 1 - Math.pow(BETA2, t);
      for (int r = 0; r < params.length; r++) {
        double[] param = params[r];
        double[] grad = grads[r];
        double[] mr = m[r];
        double[] vr = v[r];
        for (int i = 0; i < param.length; i++) {
          mr[i] = BETA1 * mr[i] + (1 - BETA1) * grad[i];
          vr[i] = BETA2 * vr[i] + (1 - BETA2) * grad[i] * grad[i];
          param[i] -= lr * (mr[i] / c1) / (Math.sqrt(vr[i] / c2) + EPS);
        }
      }
    }
  }
}
