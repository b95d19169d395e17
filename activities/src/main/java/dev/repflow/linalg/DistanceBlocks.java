package dev.repflow.linalg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Squared Euclidean distances from queries to a fixed memory set, {@code |q|^2 - 2 q.m + |m|^2}:
 * the cross term from one float32 matrix product per block of queries on the PyTorch engine (so its
 * speed and bits follow the process's CPU numerics profile), the norms exact in float64.
 *
 * <p>Every value is within {@code bound} of the exact squared distance of the float32 inputs: a
 * float32 dot product of length D is off by at most {@code gamma_D |q| |m|} with {@code gamma_D = D
 * u / (1 - D u)}, u = 2^-24, whatever the summation order or blocking of the kernel. Consumers that
 * need exact answers (kNN) refine the few values the bound leaves undecided in float64.
 */
public final class DistanceBlocks implements AutoCloseable {
  private static final long BLOCK_VALUES = 1L << 22; // 16 MB of float32 products per block

  private final NDManager scope;
  private final NDArray memoryTransposed; // [D, M] float32
  private final double[] memoryNorms; // [M], |m|^2
  private final double largestMemoryNorm; // max |m|
  private final int dim;
  private final int memorySize;

  /**
   * @param manager parent scope; the memory matrix lives in a sub-manager until {@link #close}
   * @param memory {@code [M, D]}
   */
  public DistanceBlocks(NDManager manager, float[][] memory) {
    this.scope = manager.newSubManager();
    this.memorySize = memory.length;
    this.dim = memory[0].length;
    this.memoryNorms = squaredNorms(memory);
    this.largestMemoryNorm = Math.sqrt(Arrays.stream(memoryNorms).max().orElse(0));
    this.memoryTransposed = scope.create(memory).transpose();
  }

  /** Receives one query's approximate distances; {@code distances} is reused after the call. */
  @FunctionalInterface
  public interface RowConsumer {
    /**
     * @param query index into the queries
     * @param distances {@code [M]} approximate squared distances
     * @param bound every value is within this of the exact squared distance
     */
    void accept(int query, double[] distances, double bound);
  }

  /**
   * Streams the distance rows of {@code queries} {@code [Q, D]} to {@code consumer}, block by
   * block; rows of a block are handed out in parallel (the consumer must be thread-safe).
   *
   * @param onBlock called with the number of queries done after each block (progress)
   */
  public void forEachRow(float[][] queries, RowConsumer consumer, IntConsumer onBlock) {
    if (queries.length > 0 && queries[0].length != dim) {
      throw new IllegalArgumentException(
          "queries have " + queries[0].length + " features, the memory set " + dim);
    }
    int rows = (int) Math.max(1, Math.min(1024, BLOCK_VALUES / Math.max(1, memorySize)));
    double gamma = dim * 0x1p-24 / (1 - dim * 0x1p-24);
    ThreadLocal<double[]> scratch = ThreadLocal.withInitial(() -> new double[memorySize]);
    for (int start = 0; start < queries.length; start += rows) {
      int end = Math.min(queries.length, start + rows);
      float[] cross;
      try (NDManager block = scope.newSubManager()) {
        NDArray q = block.create(Arrays.copyOfRange(queries, start, end));
        cross = q.matMul(memoryTransposed).toFloatArray(); // [B, M]
      }
      int first = start;
      IntStream.range(0, end - start)
          .parallel()
          .forEach(
              r -> {
                double queryNorm = squaredNorm(queries[first + r]);
                double[] d = scratch.get();
                int offset = r * memorySize;
                for (int j = 0; j < memorySize; j++) {
                  d[j] = queryNorm + memoryNorms[j] - 2.0 * cross[offset + j];
                }
                double bound =
                    2 * gamma * Math.sqrt(queryNorm) * largestMemoryNorm
                        + 1e-12 * (queryNorm + largestMemoryNorm * largestMemoryNorm);
                consumer.accept(first + r, d, bound);
              });
      onBlock.accept(end);
    }
  }

  /** {@code |x_i|^2} in float64, {@code [N]}. */
  public static double[] squaredNorms(float[][] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = squaredNorm(x[i]);
    }
    return out;
  }

  private static double squaredNorm(float[] row) {
    double s = 0;
    for (float v : row) {
      s += (double) v * v;
    }
    return s;
  }

  @Override
  public void close() {
    scope.close();
  }
}
