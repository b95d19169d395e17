package dev.repflow.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.repflow.numerics.CpuNumerics;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PortableMathTest {
  @BeforeAll
  static void numerics() {
    CpuNumerics.active();
  }

  @Test
  void sqrtIsWithinOneUlpOfTheExactRootFromSubnormalsToTheLargestFloat() {
    int n = 1 << 20;
    float[] x = new float[n];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < n; i++) {
      // log-uniform over [1e-45, 3e38]: subnormals, Adam's tiny second moments, large values
      x[i] = (float) Math.pow(10, -45 + 83.5 * random.nextDouble());
    }
    float[] edges = {0f, Float.MIN_VALUE, Float.MIN_NORMAL, 1f, 4f, Float.MAX_VALUE};
    System.arraycopy(edges, 0, x, 0, edges.length);
    float[] roots;
    try (NDManager manager = NDManager.newBaseManager()) {
      roots = PortableMath.sqrt(manager.create(x)).toFloatArray();
    }
    assertEquals(0f, roots[0]);
    assertEquals(1f, roots[3]);
    assertEquals(2f, roots[4]);
    for (int i = 0; i < n; i++) {
      float exact = (float) Math.sqrt(x[i]);
      int ulps = Math.abs(Float.floatToIntBits(roots[i]) - Float.floatToIntBits(exact));
      assertTrue(ulps <= 1, "sqrt(" + x[i] + ") = " + roots[i] + ", exact " + exact);
    }
  }

  /**
   * Rows of a SimCLR-like shape: spread logits, the -1e4 self-similarity, and a tied maximum; the
   * value against double precision, the gradient against softmax.
   */
  @Test
  void logSumExpAndItsGradientMatchDoublePrecision() {
    int rows = 6;
    int cols = 33;
    float[] x = new float[rows * cols];
    float[] weights = new float[rows];
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (random.nextGaussian() * (1 + i % 7));
    }
    for (int r = 0; r < rows; r++) {
      x[r * cols + r] = -1e4f;
      weights[r] = (float) random.nextGaussian();
    }
    x[2 * cols + 4] = x[2 * cols + 9] = 40f; // a tie for the maximum
    float[] value;
    float[] gradient;
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray logits = manager.create(x, new Shape(rows, cols));
      logits.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray lse = PortableMath.logSumExp(logits, 1);
        value = lse.toFloatArray();
        collector.backward(lse.mul(manager.create(weights)).sum());
      }
      gradient = logits.getGradient().toFloatArray();
    }
    for (int r = 0; r < rows; r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < cols; c++) {
        max = Math.max(max, x[r * cols + c]);
      }
      double sum = 0;
      for (int c = 0; c < cols; c++) {
        sum += Math.exp(x[r * cols + c] - max);
      }
      double expected = max + Math.log(sum);
      assertEquals(expected, value[r], 1e-6 * Math.abs(expected), "row " + r);
      for (int c = 0; c < cols; c++) {
        double softmax = Math.exp(x[r * cols + c] - expected);
        assertEquals(weights[r] * softmax, gradient[r * cols + c], 1e-6, "row " + r + " col " + c);
      }
    }
  }
}
