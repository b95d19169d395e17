package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Projects per-sample gradients of a linear layer y = W x + b.
 *
 * <p>A sample's gradient is {@code G_i = sum_v dz_{i,v} [x_{i,v}, 1]^T}, {@code [out, in + 1]}
 * (weight and bias together), summed over the sample's views or tokens v. {@code dense} forms G_i
 * and multiplies its flattening by R {@code [G, P]}; {@code kronecker} computes {@code R_out^T G_i
 * R_in = sum_v (R_out^T dz_{i,v}) (R_in^T [x_{i,v}, 1])^T} from the projected sides, never forming
 * G_i, which is {@code vec(G_i) (R_out kron R_in)}.
 */
public final class GradientProjector implements AutoCloseable {
  private final ProjectionPlan plan;
  private final NDList matrices;

  /** Builds the matrices of {@code plan} in {@code manager}. */
  public GradientProjector(NDManager manager, ProjectionPlan plan) {
    this.plan = plan;
    this.matrices =
        plan.scheme().equals(ProjectionSpec.KRONECKER)
            ? RandomProjection.kronecker(manager, plan)
            : new NDList(RandomProjection.dense(manager, plan));
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
    if (matrices.size() == 1) {
      NDArray full = fullGradients(upstream, withBias); // [B, out, in + 1]
      return full.reshape(b, plan.gradientDim()).matMul(matrices.get(0));
    }
    NDArray left = upstream.matMul(matrices.get(0)); // [B, V, P_out]
    NDArray right = withBias.matMul(matrices.get(1)); // [B, V, P_in]
    return left.transpose(0, 2, 1).matMul(right).reshape(b, plan.dim());
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
