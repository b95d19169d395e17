package dev.repflow.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.repflow.data.ImageSet;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Frozen-backbone inference: penultimate features of a trained classifier. */
public final class Embedder {
  private static final Logger log = LoggerFactory.getLogger(Embedder.class);

  /**
   * Embeds every image of {@code data} with the backbone of {@code checkpoint}, in inference mode
   * and without gradients, {@code batchSize} images at a time.
   *
   * @param numClasses classes of the checkpoint's head (checked against its header)
   * @return {@code [N, E]} embeddings in the order of {@code data}, E = {@code spec.embeddingDim()}
   * @throws IllegalArgumentException when the checkpoint holds another model spec or class count
   */
  public float[][] embed(
      ImageSet data,
      Path checkpoint,
      ModelSpec spec,
      int numClasses,
      int batchSize,
      BatchListener listener) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
    }
    ImageTensors.requireInputSize(data);
    long begin = System.nanoTime();
    int n = data.size();
    int dim = spec.embeddingDim();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    float[][] out = new float[n][];
    int batches = (n + batchSize - 1) / batchSize;
    try (NDManager base = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      Classifier model = Checkpoints.load(checkpoint, spec, numClasses, base);
      ParameterStore store = new ParameterStore(base, false);
      for (int b = 0; b < batches; b++) {
        int from = b * batchSize;
        int to = Math.min(from + batchSize, n);
        try (NDManager batch = base.newSubManager()) {
          NDArray images = ImageTensors.images(batch, data, order, from, to);
          float[] flat = model.embed(store, images).toFloatArray();
          for (int k = from; k < to; k++) {
            out[k] = new float[dim];
            System.arraycopy(flat, (k - from) * dim, out[k], 0, dim);
          }
        }
        listener.onBatch(b + 1, batches);
      }
    }
    log.info(
        "embedded {} images with {} in {} ms",
        n,
        spec.label(),
        (System.nanoTime() - begin) / 1_000_000);
    return out;
  }
}
