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
  private final BackboneCut cut;
  private final Objective objective;
  private final ParameterStore store;

  GradientExtractor(NDManager manager, BackboneCut cut, Objective objective) {
    this.cut = cut;
    this.objective = objective;
    this.store = new ParameterStore(manager, false);
  }

  /**
   * Upstream gradients and layer inputs of images {@code [from, to)}.
   *
   * @param manager owns the results (a per-batch sub-manager)
   * @return {@code dz [B, R, out]} and {@code h [B, R, in]}, R = views x tokens rows per sample
   */
  NDList upstream(NDManager manager, ImageSet images, int from, int to) {
    int b = to - from;
    NDList front = cut.front(store, viewImages(manager, objective, images, from, to));
    NDArray h = front.get(0); // [B*V, (T,) in]
    NDArray z = cut.apply(store, h).stopGradient();
    NDArray dz;
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      z.setRequiresGradient(true);
      NDArray e = cut.tail(store, z, front);
      NDArray loss = objective.loss(e.reshape(b, objective.count(), -1)).sum();
      collector.backward(loss);
      dz = z.getGradient().duplicate();
    }
    // Views and tokens alike: every row of a sample adds one outer product.
    return new NDList(dz.reshape(b, -1, lastDim(dz)), h.reshape(b, -1, lastDim(h)));
  }

  /** Embeddings {@code [B*V, D]} of the views of images {@code [from, to)}, no gradients. */
  static NDArray embedViews(
      NDManager manager, BackboneCut cut, ImageViews views, ImageSet images, int from, int to) {
    ParameterStore store = new ParameterStore(manager, false);
    NDList front = cut.front(store, viewImages(manager, views, images, from, to));
    return cut.tail(store, cut.apply(store, front.get(0)), front);
  }

  private static long lastDim(NDArray x) {
    return x.getShape().get(x.getShape().dimension() - 1);
  }

  /**
   * The views of images {@code [from, to)} as model input, {@code [B*V, C, H, W]}. Views are taken
   * of the normalised images: crops and resizing are linear, so this equals normalising the views.
   */
  static NDArray viewImages(
      NDManager manager, ImageViews views, ImageSet images, int from, int to) {
    int v = views.count();
    int size = images.valuesPerImage();
    float[] buffer = new float[(to - from) * v * size];
    for (int i = from; i < to; i++) {
      views.write(
          images.input(i),
          images.channels(),
          images.height(),
          images.width(),
          images.indices()[i],
          buffer,
          (i - from) * v * size);
    }
    return manager.create(
        buffer,
        new Shape((long) (to - from) * v, images.channels(), images.height(), images.width()));
  }
}
