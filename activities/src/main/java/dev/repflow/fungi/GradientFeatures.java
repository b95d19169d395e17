package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.repflow.data.ImageSet;
import dev.repflow.models.BatchListener;
import dev.repflow.models.Classifier;
import dev.repflow.models.GradMode;
import java.util.function.Function;

/** Projected per-sample gradient features of a whole image set, batch by batch. */
public final class GradientFeatures {
  private GradientFeatures() {}

  /**
   * @param loadModel builds the backbone with its weights in the given manager
   * @param negativePool images SimCLR's negatives come from
   * @return {@code [N, P]} in the order of {@code images}
   */
  public static float[][] compute(
      Function<NDManager, Classifier> loadModel,
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
      Classifier model = loadModel.apply(base);
      LayerCut cut = LayerCut.of(model, plan.layer());
      int embeddingDim = model.spec().embeddingDim();
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
}
