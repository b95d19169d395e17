package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * An untrained linear head {@code [B.., D] -> [B.., L]} with PyTorch's default init, uniform in
 * +-1/sqrt(D), from a seed. Constant (no gradient): only the backbone layer's gradient is wanted.
 */
final class RandomHead {
  private final NDArray weight; // [D, L]
  private final NDArray bias; // [L]

  RandomHead(NDManager manager, long seed, int inputs, int outputs) {
    SplittableRandom random = new SplittableRandom(seed);
    double bound = 1 / Math.sqrt(inputs);
    float[] w = new float[inputs * outputs];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
    float[] b = new float[outputs];
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
    weight = manager.create(w, new Shape(inputs, outputs));
    bias = manager.create(b);
  }

  /** {@code [..., D]} to {@code [..., L]}. */
  NDArray apply(NDArray x) {
    return x.matMul(weight).add(bias);
  }

  /** Rows scaled to unit L2 norm along the last axis. */
  static NDArray normalize(NDArray x) {
    return x.div(x.norm(new int[] {-1}, true).clip(1e-12f, Float.MAX_VALUE));
  }
}
