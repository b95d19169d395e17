package dev.repflow.stitching;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;

/**
 * A trainable affine map {@code x W + b} held as plain NDArrays, so a stitching layer or a detector
 * can train while the networks around it stay frozen.
 *
 * @param weight {@code [D, E]}
 * @param bias {@code [E]}
 */
record Affine(NDArray weight, NDArray bias) {

  /**
   * PyTorch's default init for {@code nn.Linear}: U(-1/sqrt(D), 1/sqrt(D)), from {@code random}.
   */
  static Affine random(NDManager manager, int in, int out, Random random) {
    double bound = 1 / Math.sqrt(in);
    float[] w = new float[in * out];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
    float[] b = new float[out];
    for (int i = 0; i < out; i++) {
      b[i] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
    return new Affine(manager.create(w, new Shape(in, out)), manager.create(b));
  }

  /** From a direct-matching fit (float32 copies). */
  static Affine of(NDManager manager, DirectMatching.StitchMap map) {
    int in = map.weights().length;
    int out = map.bias().length;
    float[] w = new float[in * out];
    for (int i = 0; i < in; i++) {
      for (int j = 0; j < out; j++) {
        w[i * out + j] = (float) map.weights()[i][j];
      }
    }
    float[] b = new float[out];
    for (int j = 0; j < out; j++) {
      b[j] = (float) map.bias()[j];
    }
    return new Affine(manager.create(w, new Shape(in, out)), manager.create(b));
  }

  /** {@code [B, D] -> [B, E]}. */
  NDArray apply(NDArray x) {
    return x.matMul(weight).add(bias);
  }

  List<NDArray> parameters() {
    return List.of(weight, bias);
  }

  long inputs() {
    return weight.getShape().get(0);
  }
}
