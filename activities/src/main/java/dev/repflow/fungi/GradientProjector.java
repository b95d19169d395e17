package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Projects per-sample gradients of a linear layer y = W x + b.
 *
 * <p>A sample's gradient is {@code G_i = sum_v dz_{i,v} [x_{i,v}, 1]^T}, {@code [out, in + 1]}
 * (weight and bias together), summed over the sample's views or tokens v. Every scheme is a fixed
 * linear map of {@code vec(G_i)}; only {@code dense} forms G_i (and multiplies its flattening by R
 * {@code [G, P]}), and only when a sample has more than one row. The others work on the projected
 * sides: {@code kronecker} is {@code R_out^T G_i R_in = sum_v (R_out^T dz_v) (R_in^T [x_v, 1])^T};
 * {@code khatri-rao} is {@code u_k^T G_i w_k = sum_v (u_k . dz_v)(w_k . [x_v, 1])} per feature k;
 * {@code sketch} is a kronecker map into S values followed by a signed count sketch (each of P
 * buckets sums S/P of them).
 */
public final class GradientProjector implements AutoCloseable {
  /** Samples per step of the sketch: its working tensors are [chunk, S] and [chunk, V, a + b]. */
  static final int SKETCH_CHUNK = 16;

  private final ProjectionPlan plan;
  private final NDList matrices;

  /** Builds the matrices of {@code plan} in {@code manager}. */
  public GradientProjector(NDManager manager, ProjectionPlan plan) {
    this.plan = plan;
    this.matrices =
        switch (plan.scheme()) {
          case ProjectionSpec.KRONECKER -> RandomProjection.kronecker(manager, plan);
          case ProjectionSpec.KHATRI_RAO -> RandomProjection.khatriRao(manager, plan);
          case ProjectionSpec.SKETCH -> RandomProjection.sketch(manager, plan);
          default -> new NDList(RandomProjection.dense(manager, plan));
        };
  }

  public ProjectionPlan plan() {
    return plan;
  }

  /**
   * @param upstream {@code [B, V, out]} dL/dz per sample and view
   * @param inputs {@code [B, V, in]} layer inputs
   * @return {@code [B, P]} projected per-sample gradients
   */
  public NDArray project(NDArray upstream, NDArray inputs) {
    long b = upstream.getShape().get(0);
    NDArray withBias =
        inputs.concat(inputs.getManager().ones(inputs.getShape().slice(0, 2).add(1)), 2);
    return switch (plan.scheme()) {
      case ProjectionSpec.KRONECKER -> kronecker(upstream, withBias).reshape(b, plan.dim());
      case ProjectionSpec.KHATRI_RAO ->
          upstream.matMul(matrices.get(0)).mul(withBias.matMul(matrices.get(1))).sum(new int[] {1});
      case ProjectionSpec.SKETCH -> sketch(upstream, withBias, b);
      default ->
          upstream.getShape().get(1) == 1
              ? denseRankOne(upstream, withBias, b)
              : fullGradients(upstream, withBias).reshape(b, -1).matMul(matrices.get(0));
    };
  }

  /**
   * Dense projection of one-row gradients (one view, as with KL), which are outer products {@code
   * dz x^T}: {@code vec(dz x^T) R = sum_o dz_o (x^T R_o)}, R_o the rows of R that belong to output
   * o. One batched product of the inputs with every R_o (the inputs broadcast, not copied), then
   * one {@code [1, out] x [out, P]} product per sample: the multiply-adds of forming G and
   * multiplying it, without writing G (for the CNN's fc layer 103 MB per batch of 64, which took as
   * long as the product itself).
   */
  private NDArray denseRankOne(NDArray upstream, NDArray withBias, long b) {
    long out = plan.outputs();
    long in = plan.inputs();
    NDArray perOutput = // [out, B, P]
        withBias
            .reshape(1, b, in)
            .broadcast(new Shape(out, b, in))
            .matMul(matrices.get(0).reshape(out, in, plan.dim()));
    return upstream.matMul(perOutput.transpose(1, 0, 2)).reshape(b, plan.dim());
  }

  /** {@code [B, P_out, P_in]}: {@code R_out^T G R_in} from the projected sides. */
  private NDArray kronecker(NDArray upstream, NDArray withBias) {
    NDArray left = upstream.matMul(matrices.get(0)); // [B, V, P_out]
    NDArray right = withBias.matMul(matrices.get(1)); // [B, V, P_in]
    return left.transpose(0, 2, 1).matMul(right);
  }

  /** Sketch, {@value #SKETCH_CHUNK} samples at a time so the working tensors stay small. */
  private NDArray sketch(NDArray upstream, NDArray withBias, long b) {
    NDList chunks = new NDList();
    for (long from = 0; from < b; from += SKETCH_CHUNK) {
      long to = Math.min(b, from + SKETCH_CHUNK);
      String rows = from + ":" + to;
      chunks.add(sketchChunk(upstream.get(rows), withBias.get(rows), to - from));
    }
    return chunks.size() == 1 ? chunks.head() : NDArrays.concat(chunks, 0);
  }

  private NDArray sketchChunk(NDArray upstream, NDArray withBias, long b) {
    int next = 0;
    NDArray left = // [B, V, a]
        plan.outputFactor() < plan.outputs() ? upstream.matMul(matrices.get(next++)) : upstream;
    NDArray right = // [B, V, b]
        plan.inputFactor() < plan.inputs() ? withBias.matMul(matrices.get(next++)) : withBias;
    NDArray values = left.transpose(0, 2, 1).matMul(right).reshape(b, -1); // [B, a * b]
    int pad = plan.sketchSize() - plan.outputFactor() * plan.inputFactor();
    if (pad > 0) {
      values = values.concat(values.getManager().zeros(new Shape(b, pad)), 1);
    }
    NDArray permutation = matrices.get(next);
    NDArray signs = matrices.get(next + 1);
    return values
        .get(":, {}", permutation)
        .mul(signs)
        .reshape(b, plan.dim(), plan.sketchSize() / plan.dim())
        .sum(new int[] {2});
  }

  /**
   * Unprojected per-sample gradients {@code [B, out, in + 1]} (weight columns, then the bias).
   *
   * @param withBias {@code [B, V, in + 1]} inputs with a trailing 1
   */
  static NDArray fullGradients(NDArray upstream, NDArray withBias) {
    return upstream.transpose(0, 2, 1).matMul(withBias);
  }

  @Override
  public void close() {
    matrices.close();
  }
}
