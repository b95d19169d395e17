package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.repflow.data.ImageSet;
import dev.repflow.models.BatchListener;
import dev.repflow.models.GradMode;
import java.util.function.Function;

/** Projected per-sample gradient features of a whole image set, batch by batch. */
public final class GradientFeatures {
  private GradientFeatures() {}

  /**
   * @param loadCut loads the backbone, cut at the projection's layer, in the given manager
   * @param negativePool images SimCLR's negatives come from
   * @return {@code [N, P]} in the order of {@code images}
   */
  public static float[][] compute(
      Function<NDManager, BackboneCut> loadCut,
      ProjectionPlan plan,
      ObjectiveSpec spec,
      ImageSet images,
      ImageSet negativePool,
      int batchSize,
      BatchListener listener) {
    int n = images.size();
    float[][] out = new float[n][];
    int batches = (n + batchSize - 1) / batchSize;
    try (NDManager base = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      BackboneCut cut = loadCut.apply(base);
      int embeddingDim = embeddingDim(cut, images, base);
      Objective objective = Objectives.create(base, spec, embeddingDim, cut, negativePool);
      GradientExtractor extractor = new GradientExtractor(base, cut, objective);
      try (GradientProjector projector = new GradientProjector(base, plan)) {
        for (int b = 0; b < batches; b++) {
          int from = b * batchSize;
          int to = Math.min(n, from + batchSize);
          try (NDManager batch = base.newSubManager()) {
            NDList parts = extractor.upstream(batch, images, from, to);
            NDArray projected = projector.project(parts.get(0), parts.get(1));
            float[] flat = projected.toFloatArray();
            for (int i = from; i < to; i++) {
              out[i] = new float[plan.dim()];
              System.arraycopy(flat, (i - from) * plan.dim(), out[i], 0, plan.dim());
            }
          }
          listener.onBatch(b + 1, batches);
        }
      }
    }
    return out;
  }

  /** Embeddings of {@code images} {@code [N, D]} through front, layer and tail, no gradients. */
  public static float[][] embed(BackboneCut cut, ImageSet images, NDManager base, int batchSize) {
    int n = images.size();
    float[][] out = new float[n][];
    ParameterStore store = new ParameterStore(base, false);
    int[] order = java.util.stream.IntStream.range(0, n).toArray();
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(n, from + batchSize);
      try (NDManager batch = base.newSubManager()) {
        NDArray x = pixels(batch, images, order, from, to);
        NDList front = cut.front(store, x);
        NDArray e = cut.tail(store, cut.apply(store, front.get(0)), front);
        int d = (int) e.getShape().get(1);
        float[] flat = e.toFloatArray();
        for (int i = from; i < to; i++) {
          out[i] = java.util.Arrays.copyOfRange(flat, (i - from) * d, (i - from + 1) * d);
        }
      }
    }
    return out;
  }

  /** D, from one image through the backbone. */
  private static int embeddingDim(BackboneCut cut, ImageSet images, NDManager base) {
    try (NDManager m = base.newSubManager()) {
      ImageSet one = ImageSubsets.seeded(images, 1, 0);
      return embed(cut, one, m, 1)[0].length;
    }
  }

  private static NDArray pixels(NDManager m, ImageSet images, int[] order, int from, int to) {
    int size = images.pixelsPerImage();
    float[] buffer = new float[(to - from) * size];
    for (int k = from; k < to; k++) {
      images.copyImage(order[k], buffer, (k - from) * size);
    }
    return m.create(
        buffer, new ai.djl.ndarray.types.Shape(to - from, 1, images.height(), images.width()));
  }
}
