package dev.repflow.fungi;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.repflow.data.ImageSet;

/**
 * Per-sample gradients of an objective w.r.t. one linear layer, from one backward pass per batch.
 *
 * <p>The graph is cut at the layer (DJL cannot mark an intermediate activation as a gradient
 * target): inputs h = front(x) are computed without autograd, z = layer(h) becomes a fresh leaf,
 * and the summed loss of tail(z) is differentiated once. Since sample i's loss depends only on its
 * own rows of z, dL/dz_i is its own upstream gradient and its weight gradient is the outer product
 * {@code sum_v dz_{i,v} h_{i,v}^T} (see {@link GradientProjector}).
 */
public final class GradientExtractor {
  private final LayerCut cut;
  private final Objective objective;
  private final ParameterStore store;

  GradientExtractor(NDManager manager, LayerCut cut, Objective objective) {
    this.cut = cut;
    this.objective = objective;
    this.store = new ParameterStore(manager, false);
  }

  /**
   * Upstream gradients and layer inputs of images {@code [from, to)}.
   *
   * @param manager owns the results (a per-batch sub-manager)
   * @return {@code dz [B, V, out]} and {@code h [B, V, in]}
   */
  NDList upstream(NDManager manager, ImageSet images, int from, int to) {
    int b = to - from;
    int v = objective.views();
    NDArray x = viewImages(manager, images, from, to);
    NDArray h = cut.front(store, x);
    h = h.reshape(h.getShape().get(0), -1); // [B*V, in]
    NDArray z = cut.apply(store, h).stopGradient();
    NDArray dz;
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      z.setRequiresGradient(true);
      NDArray e = cut.tail(store, z);
      NDArray loss = objective.loss(e.reshape(b, v, -1)).sum();
      collector.backward(loss);
      dz = z.getGradient().duplicate();
    }
    return new NDList(dz.reshape(b, v, -1), h.reshape(b, v, -1));
  }

  /** Embeddings {@code [B*V, D]} of the objective's views of images {@code [from, to)}. */
  NDArray embedViews(NDManager manager, ImageSet images, int from, int to) {
    NDArray x = viewImages(manager, images, from, to);
    return cut.tail(store, cut.apply(store, cut.front(store, x).reshape(x.getShape().get(0), -1)));
  }

  /** The views of images {@code [from, to)}, {@code [B*V, 1, H, W]}. */
  NDArray viewImages(NDManager manager, ImageSet images, int from, int to) {
    int v = objective.views();
    int size = images.pixelsPerImage();
    float[] buffer = new float[(to - from) * v * size];
    for (int i = from; i < to; i++) {
      objective.views(
          images.image(i),
          images.height(),
          images.width(),
          images.indices()[i],
          buffer,
          (i - from) * v * size);
    }
    return manager.create(
        buffer, new Shape((long) (to - from) * v, 1, images.height(), images.width()));
  }
}
