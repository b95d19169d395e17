package dev.repflow.anchoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Permutations;
import dev.repflow.models.BatchListener;
import dev.repflow.models.ImageTensors;
import java.util.Arrays;

/**
 * Inference of a standard or anchored classifier. An anchored model sees every image with the same
 * {@code anchors} anchors, distinct training images drawn once with {@code seed} and shared by the
 * whole test set and every corrupted copy of it (LLNL/anchoring {@code CIFAR/inference.py} fixes
 * one anchor batch for all test batches). The per-anchor logits are combined by {@link
 * AnchorEnsemble}.
 *
 * @param anchors anchors per image (ignored for a standard model)
 * @param averageLogits true: softmax of the mean logits (the reference); false: mean softmax
 */
public record AnchorPredictor(int anchors, long seed, int batchSize, boolean averageLogits) {

  /** The classifier under test: {@code [B, channels, H, W]} input to {@code [B, C]} logits. */
  @FunctionalInterface
  public interface Network {
    NDArray logits(NDArray input);
  }

  public AnchorPredictor {
    if (anchors < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "anchors and batchSize must be positive, got " + anchors + ", " + batchSize);
    }
  }

  /**
   * @param anchored true feeds {@code [anchor, x - anchor]} (twice the channels), false the plain
   *     image
   * @param pool training images to draw anchors from
   * @param base parent of the per-batch managers
   */
  public Prediction predict(
      Network model,
      boolean anchored,
      ImageSet images,
      ImageSet pool,
      NDManager base,
      BatchListener listener) {
    ImageSet chosen = anchored ? pool.subset(sharedAnchors(pool.size())) : null;
    return predictWith(model, chosen, images, base, listener);
  }

  /**
   * {@link #predict} with the anchors already drawn ({@link #sharedAnchors} of the pool), so a
   * large training split need not be decoded for a few anchors.
   *
   * @param anchors the shared anchors in order, or null for a plain (not anchored) network
   */
  public Prediction predictWith(
      Network model, ImageSet anchors, ImageSet images, NDManager base, BatchListener listener) {
    boolean anchored = anchors != null;
    int[] shared = new int[anchored ? anchors.size() : 1];
    Arrays.setAll(shared, j -> j);
    int n = images.size();
    float[][] probabilities = new float[n][];
    float[] spread = new float[n];
    int batches = (n + batchSize - 1) / batchSize;
    for (int b = 0; b < batches; b++) {
      int from = b * batchSize;
      int[] rows = new int[Math.min(batchSize, n - from)];
      Arrays.setAll(rows, k -> from + k);
      float[][] logits = new float[shared.length][];
      int classes = 0;
      for (int j = 0; j < shared.length; j++) {
        try (NDManager batch = base.newSubManager()) {
          int[] anchorRows = new int[rows.length];
          Arrays.fill(anchorRows, shared[j]);
          NDArray x =
              anchored
                  ? AnchorInputs.anchored(batch, images, rows, anchors, anchorRows, false)
                  : ImageTensors.images(batch, images, rows);
          NDArray out = model.logits(x);
          classes = (int) out.getShape().get(1);
          logits[j] = out.toFloatArray();
        }
      }
      Prediction part = AnchorEnsemble.combine(logits, rows.length, classes, averageLogits);
      System.arraycopy(part.probabilities(), 0, probabilities, from, rows.length);
      System.arraycopy(part.uncertainty(), 0, spread, from, rows.length);
      listener.onBatch(b + 1, batches);
    }
    return new Prediction(probabilities, spread);
  }

  /** The first {@code anchors} images of a seeded shuffle of the pool: distinct, fixed by seed. */
  int[] sharedAnchors(int poolSize) {
    if (anchors > poolSize) {
      throw new IllegalArgumentException(
          "inference.anchors: "
              + anchors
              + " anchors requested, but there are only "
              + poolSize
              + " training images to draw them from");
    }
    return Permutations.sample(poolSize, anchors, seed);
  }
}
