package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Achlioptas random projections: entries +-1 with equal probability, scaled so the projection keeps
 * squared norms in expectation, drawn from seeded streams so the same plan always gives the same
 * matrices.
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

  /**
   * Khatri-Rao: U {@code [out, P]} scaled 1/sqrt(P) and W {@code [in + 1, P]} unscaled; feature k
   * is {@code u_k^T G w_k}, so column k of the implied [G, P] matrix is {@code u_k kron w_k}.
   */
  public static NDList khatriRao(NDManager manager, ProjectionPlan plan) {
    return new NDList(
        signs(manager, plan.seed(), plan.outputs(), plan.dim(), 1 / Math.sqrt(plan.dim())),
        signs(manager, plan.seed() + 1, plan.inputs(), plan.dim(), 1));
  }

  /**
   * Sketch: the Kronecker sides (a side kept whole has none), then for the count sketch a seeded
   * permutation {@code [S]} (int64; bucket k sums positions {@code perm[k S/P .. (k+1) S/P)}) and
   * signs {@code [S]}, S = {@link ProjectionPlan#sketchSize()}.
   */
  public static NDList sketch(NDManager manager, ProjectionPlan plan) {
    NDList out = new NDList();
    int a = plan.outputFactor();
    int b = plan.inputFactor();
    if (a < plan.outputs()) {
      out.add(signs(manager, plan.seed(), plan.outputs(), a, 1 / Math.sqrt(a)));
    }
    if (b < plan.inputs()) {
      out.add(signs(manager, plan.seed() + 1, plan.inputs(), b, 1 / Math.sqrt(b)));
    }
    int size = plan.sketchSize();
    long[] perm = new long[size];
    for (int i = 0; i < size; i++) {
      perm[i] = i;
    }
    SplittableRandom random = new SplittableRandom(plan.seed() + 2);
    for (int i = size - 1; i > 0; i--) { // Fisher-Yates
      int j = random.nextInt(i + 1);
      long t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    out.add(manager.create(perm));
    out.add(signs(manager, plan.seed() + 3, 1, size, 1).reshape(size));
    return out;
  }

  /**
   * A {@code [rows, cols]} matrix of +-scale, bit k of each draw giving the sign of one entry (0:
   * plus). Built in row chunks copied into one tensor, so the Java heap holds one chunk and the
   * native side the matrix once.
   */
  static NDArray signs(NDManager manager, long seed, long rows, int cols, double scale) {
    SplittableRandom random = new SplittableRandom(seed);
    int plus = Float.floatToRawIntBits((float) scale);
    NDArray matrix = manager.create(new Shape(rows, cols), DataType.FLOAT32);
    long bits = 0;
    int used = 64;
    for (long start = 0; start < rows; start += CHUNK_ROWS) {
      int n = (int) Math.min(CHUNK_ROWS, rows - start);
      float[] values = new float[n * cols];
      for (int i = 0; i < values.length; i++) {
        if (used == 64) {
          bits = random.nextLong();
          used = 0;
        }
        // The sign bit flipped where the draw's bit is 1: no branch on a random bit.
        values[i] = Float.intBitsToFloat(plus ^ ((int) (bits >>> used++) & 1) << 31);
      }
      try (NDArray chunk = manager.create(values, new Shape(n, cols))) {
        matrix.set(new NDIndex("{}:{}", start, start + n), chunk);
      }
    }
    return matrix;
  }
}
