package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Achlioptas random projections: entries +-1 with equal probability, scaled 1/sqrt(P), drawn from
 * one seeded stream so the same plan always gives the same matrices.
 */
public final class RandomProjection {
  private static final int CHUNK_ROWS = 4096;

  private RandomProjection() {}

  /** Dense: {@code [G, P]}, G = out * (in + 1), scaled 1/sqrt(P). */
  public static NDArray dense(NDManager manager, ProjectionPlan plan) {
    return signs(manager, plan.seed(), plan.gradientDim(), plan.dim(), 1 / Math.sqrt(plan.dim()));
  }

  /**
   * Kronecker: {@code [out, P_out]} and {@code [in + 1, P_in]}, each scaled by the root of its own
   * size so their Kronecker product is scaled 1/sqrt(P). The input side uses the seed plus one.
   */
  public static NDList kronecker(NDManager manager, ProjectionPlan plan) {
    int pOut = plan.outputFactor();
    int pIn = plan.inputFactor();
    return new NDList(
        signs(manager, plan.seed(), plan.outputs(), pOut, 1 / Math.sqrt(pOut)),
        signs(manager, plan.seed() + 1, plan.inputs(), pIn, 1 / Math.sqrt(pIn)));
  }

  /** A {@code [rows, cols]} matrix of +-scale, built in row chunks to bound Java heap use. */
  static NDArray signs(NDManager manager, long seed, long rows, int cols, double scale) {
    SplittableRandom random = new SplittableRandom(seed);
    float plus = (float) scale;
    NDList chunks = new NDList();
    for (long start = 0; start < rows; start += CHUNK_ROWS) {
      int n = (int) Math.min(CHUNK_ROWS, rows - start);
      float[] values = new float[n * cols];
      long bits = 0;
      for (int i = 0; i < values.length; i++) {
        if ((i & 63) == 0) {
          bits = random.nextLong();
        }
        values[i] = (bits & 1) == 0 ? plus : -plus;
        bits >>>= 1;
      }
      chunks.add(manager.create(values, new Shape(n, cols)));
    }
    NDArray matrix = chunks.size() == 1 ? chunks.head() : NDArrays.concat(chunks, 0);
    if (chunks.size() > 1) {
      chunks.close();
    }
    return matrix;
  }
}
