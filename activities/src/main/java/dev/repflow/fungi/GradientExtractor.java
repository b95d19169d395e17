package dev.repflow.fungi;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.repflow.data.ImageSet;
import java.util.ArrayList;
import java.util.List;

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
  /**
   * Input values one pass through the front takes at most (at most {@link #MAX_FRONT_ROWS} views).
   * All of a batch's views at once (SimCLR: 64 images x 64 patches) make activations of hundreds of
   * MB, which the allocator maps fresh from the kernel and page-faults in on every pass: the small
   * CNN's front took 6-7 s for 4,096 views in one pass and 0.9-1.1 s in passes of 256, with the
   * same bits (convolutions reduce within a sample).
   */
  static final long FRONT_VALUES = 1 << 20;

  static final long MAX_FRONT_ROWS = 256;

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
    NDList front = front(cut, store, viewImages(manager, objective, images, from, to));
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
    NDList front = front(cut, store, viewImages(manager, views, images, from, to));
    return cut.tail(store, cut.apply(store, front.get(0)), front);
  }

  /**
   * {@link BackboneCut#front} of {@code images} {@code [N, C, H, W]} in passes of at most {@link
   * #FRONT_VALUES} input values, each output concatenated along N.
   */
  static NDList front(BackboneCut cut, ParameterStore store, NDArray images) {
    long rows = images.getShape().get(0);
    long perRow = Math.max(1, images.getShape().size() / Math.max(1, rows));
    long chunk = Math.max(1, Math.min(MAX_FRONT_ROWS, FRONT_VALUES / perRow));
    if (rows <= chunk) {
      return cut.front(store, images);
    }
    List<NDList> passes = new ArrayList<>();
    for (long from = 0; from < rows; from += chunk) {
      passes.add(cut.front(store, images.get(from + ":" + Math.min(rows, from + chunk))));
    }
    NDList joined = new NDList();
    for (int k = 0; k < passes.get(0).size(); k++) {
      NDList parts = new NDList();
      for (NDList pass : passes) {
        parts.add(pass.get(k));
      }
      joined.add(NDArrays.concat(parts, 0));
    }
    passes.forEach(NDList::close);
    return joined;
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
