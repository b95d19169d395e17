package dev.repflow.fungi;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.repflow.data.ImageBatches;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageSource;
import dev.repflow.data.LabeledRows;
import dev.repflow.data.Permutations;
import dev.repflow.data.ReadProgress;
import dev.repflow.models.Embedder;
import dev.repflow.models.GradMode;
import java.util.ArrayList;
import java.util.List;

/** Projected per-sample gradient features of a whole split, streamed batch by batch. */
public final class GradientFeatures {
  private GradientFeatures() {}

  /**
   * @param cut the backbone, cut at the projection's layer
   * @param negativePool images SimCLR's negatives come from (only those are decoded)
   * @param base owns the objective's heads and the projector for the whole pass
   * @return {@code [N, P]} in the order of {@code images} (images skipped as unreadable left out)
   */
  public static LabeledRows compute(
      BackboneCut cut,
      ProjectionPlan plan,
      ObjectiveSpec spec,
      ImageSource images,
      ImageSource negativePool,
      int batchSize,
      NDManager base,
      Embedder.RateListener listener) {
    GradMode.offOnThisThread();
    Objective objective =
        Objectives.create(base, spec, cut.embeddingDim(), cut, negatives(spec, negativePool));
    GradientExtractor extractor = new GradientExtractor(base, cut, objective);
    List<float[]> rows = new ArrayList<>();
    List<int[]> labels = new ArrayList<>();
    List<int[]> indices = new ArrayList<>();
    try (GradientProjector projector = new GradientProjector(base, plan);
        ImageBatches batches = images.batches(batchSize)) {
      int count = batches.count();
      for (int b = 1; batches.hasNext(); b++) {
        ImageSet batch = batches.next();
        try (NDManager m = base.newSubManager()) {
          NDList parts = extractor.upstream(m, batch, 0, batch.size());
          float[] flat = projector.project(parts.get(0), parts.get(1)).toFloatArray();
          for (int i = 0; i < batch.size(); i++) {
            float[] row = new float[plan.dim()];
            System.arraycopy(flat, i * plan.dim(), row, 0, plan.dim());
            rows.add(row);
          }
        }
        labels.add(batch.labels());
        indices.add(batch.indices());
        listener.onBatch(b, count, batches.imagesPerSecond());
      }
    }
    return LabeledRows.of(rows, labels, indices);
  }

  /** SimCLR's negative images, chosen by a seeded shuffle of the pool; none for the others. */
  private static ImageSet negatives(ObjectiveSpec spec, ImageSource pool) {
    if (!(spec instanceof SimClrObjectiveSpec simclr)) {
      return null;
    }
    // A pool smaller than the configured count gives all its images.
    int count = Math.min(simclr.negatives(), pool.size());
    int[] chosen = Permutations.sample(pool.size(), count, simclr.seed());
    return pool.load(chosen, ReadProgress.none());
  }
}
