package dev.repflow.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.repflow.data.ImageBatches;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageSource;
import dev.repflow.data.LabeledRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Frozen-backbone inference over a whole split, streamed batch by batch. */
public final class Embedder {
  private static final Logger log = LoggerFactory.getLogger(Embedder.class);

  private Embedder() {}

  /**
   * Embeds every image of {@code images}, {@code batchSize} at a time, in inference mode and
   * without gradients; only two batches of images are in memory at once.
   *
   * @param listener after each batch, with the images per second so far
   * @return {@code [N, D]} rows in the source's order (images skipped as unreadable left out)
   */
  public static LabeledRows embed(
      FrozenBackbones.Encoder encoder,
      ImageSource images,
      int batchSize,
      NDManager base,
      RateListener listener) {
    GradMode.offOnThisThread();
    long begin = System.nanoTime();
    List<float[]> rows = new ArrayList<>();
    List<int[]> labels = new ArrayList<>();
    List<int[]> indices = new ArrayList<>();
    try (ImageBatches batches = images.batches(batchSize)) {
      int count = batches.count();
      for (int b = 1; batches.hasNext(); b++) {
        ImageSet batch = batches.next();
        try (NDManager m = base.newSubManager()) {
          NDArray e = encoder.embed(ImageTensors.images(m, batch));
          int d = (int) e.getShape().get(1);
          float[] flat = e.toFloatArray();
          for (int i = 0; i < batch.size(); i++) {
            rows.add(java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d));
          }
        }
        labels.add(batch.labels());
        indices.add(batch.indices());
        listener.onBatch(b, count, batches.imagesPerSecond());
      }
      log.info(
          "embedded {} images of {} in {} ms ({} images/s)",
          rows.size(),
          images,
          (System.nanoTime() - begin) / 1_000_000,
          String.format(Locale.ROOT, "%.0f", batches.imagesPerSecond()));
    }
    return LabeledRows.of(rows, labels, indices);
  }

  /** Progress of batched inference with its rate, e.g. for heartbeats. */
  @FunctionalInterface
  public interface RateListener {
    /**
     * @param batch 1-based batch number
     * @param imagesPerSecond images processed per second so far
     */
    void onBatch(int batch, int batches, double imagesPerSecond);
  }
}
