package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Multinomial logistic regression with an L2 penalty on the weights (not the bias), trained
 * full-batch with Adam (lr 0.05, betas 0.9/0.999, eps 1e-8) for a fixed number of steps from zero
 * weights: deterministic, no seed needed. Float32 on the PyTorch engine: each step is two products
 * with the {@code [N, D]} features.
 */
final class LinearProbe {
  private static final float LR = 0.05f;
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPS = 1e-8f;

  private final long[] classes;
  private final float[] weights; // [C, D]
  private final float[] bias; // [C]

  private LinearProbe(long[] classes, float[] weights, float[] bias) {
    this.classes = classes;
    this.weights = weights;
    this.bias = bias;
  }

  /** Fits on {@code x [N, D]} with labels {@code y [N]}. */
  static LinearProbe fit(NDManager manager, float[][] x, long[] y, int steps, double weightDecay) {
    long[] classes =
        new TreeSet<>(Arrays.stream(y).boxed().toList())
            .stream().mapToLong(Long::longValue).toArray();
    int c = classes.length;
    int d = x[0].length;
    float[] oneHot = new float[y.length * c];
    for (int i = 0; i < y.length; i++) {
      oneHot[i * c + Arrays.binarySearch(classes, y[i])] = 1;
    }
    try (NDManager scope = manager.newSubManager()) {
      NDArray features = scope.create(x); // [N, D]
      NDArray targets = scope.create(oneHot, new Shape(y.length, c)); // [N, C]
      NDList params = new NDList(scope.zeros(new Shape(c, d)), scope.zeros(new Shape(c)));
      NDList first = new NDList(scope.zeros(new Shape(c, d)), scope.zeros(new Shape(c)));
      NDList second = new NDList(scope.zeros(new Shape(c, d)), scope.zeros(new Shape(c)));
      NDList state = new NDList(features, targets);
      state.addAll(params);
      state.addAll(first);
      state.addAll(second);
      for (int step = 1; step <= steps; step++) {
        try (NDManager temp = scope.newSubManager()) {
          state.tempAttach(temp); // every intermediate of this step is freed with temp
          NDArray w = params.get(0);
          NDArray p = features.matMul(w.transpose()).add(params.get(1)).softmax(1);
          NDArray diff = p.sub(targets).div(y.length); // dLoss/dLogits, mean over samples
          NDList grads =
              new NDList(
                  diff.transpose().matMul(features).add(w.mul(weightDecay)),
                  diff.sum(new int[] {0}));
          float correction1 = 1 - (float) Math.pow(BETA1, step);
          float correction2 = 1 - (float) Math.pow(BETA2, step);
          for (int i = 0; i < 2; i++) {
            NDArray g = grads.get(i);
            first.get(i).muli(BETA1).addi(g.mul(1 - BETA1));
            second.get(i).muli(BETA2).addi(g.square().muli(1 - BETA2));
            NDArray denominator = second.get(i).div(correction2).sqrt().addi(EPS);
            params.get(i).subi(first.get(i).div(correction1).divi(denominator).muli(LR));
          }
        }
      }
      return new LinearProbe(classes, params.get(0).toFloatArray(), params.get(1).toFloatArray());
    }
  }

  /** Predicted labels {@code [N]}: the class of the largest logit, the first one on ties. */
  long[] predict(NDManager manager, float[][] x) {
    int c = classes.length;
    float[] logits;
    try (NDManager scope = manager.newSubManager()) {
      NDArray w = scope.create(weights, new Shape(c, weights.length / c));
      logits = scope.create(x).matMul(w.transpose()).add(scope.create(bias)).toFloatArray();
    }
    long[] out = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      int best = 0;
      for (int k = 1; k < c; k++) {
        if (logits[i * c + k] > logits[i * c + best]) {
          best = k;
        }
      }
      out[i] = classes[best];
    }
    return out;
  }
}
