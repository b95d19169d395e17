package dev.repflow.anchoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.repflow.data.ImageSet;
import dev.repflow.models.BatchListener;
import dev.repflow.models.Classifier;
import java.util.Arrays;
import java.util.Random;

/**
 * Inference of a standard or anchored classifier. An anchored model sees each image with {@code
 * anchors} anchors drawn from the training images; its prediction is the mean softmax and the
 * spread across anchors is kept as an uncertainty score.
 *
 * @param anchors anchors per image (ignored for a standard model)
 * @param seed anchor draws: image i's anchors are the i-th group of draws of {@code new
 *     Random(seed)}, so every corrupted copy of a test set sees the same anchors
 */
public record AnchorPredictor(int anchors, long seed, int batchSize) {

  public AnchorPredictor {
    if (anchors < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "anchors and batchSize must be positive, got " + anchors + ", " + batchSize);
    }
  }

  /**
   * @param model loaded classifier; 2 input channels means anchored
   * @param pool training images to draw anchors from
   * @param base parent of the per-batch managers
   */
  public Prediction predict(
      Classifier model, ImageSet images, ImageSet pool, NDManager base, BatchListener listener) {
    boolean anchored = model.inputChannels() == 2;
    int n = images.size();
    int rounds = anchored ? anchors : 1;
    int[][] draws = draws(n, rounds, pool.size());
    float[][] mean = new float[n][];
    float[] spread = new float[n];
    ParameterStore store = new ParameterStore(base, false);
    int batches = (n + batchSize - 1) / batchSize;
    for (int b = 0; b < batches; b++) {
      int from = b * batchSize;
      int[] rows = new int[Math.min(batchSize, n - from)];
      Arrays.setAll(rows, k -> from + k);
      float[][] perAnchor = new float[rounds][];
      int classes = model.numClasses();
      for (int j = 0; j < rounds; j++) {
        try (NDManager batch = base.newSubManager()) {
          NDArray x;
          if (anchored) {
            int round = j;
            int[] anchorRows = new int[rows.length];
            Arrays.setAll(anchorRows, k -> draws[rows[k]][round]);
            x = AnchorInputs.anchored(batch, images, rows, pool, anchorRows, false);
          } else {
            x = AnchorInputs.plain(batch, images, rows);
          }
          perAnchor[j] = model.logits(store, x, false).softmax(1).toFloatArray();
        }
      }
      for (int k = 0; k < rows.length; k++) {
        float[] p = new float[classes];
        for (int j = 0; j < rounds; j++) {
          for (int c = 0; c < classes; c++) {
            p[c] += perAnchor[j][k * classes + c] / rounds;
          }
        }
        int top = CalibrationMetrics.argMax(p);
        double variance = 0;
        for (int j = 0; j < rounds; j++) {
          double d = perAnchor[j][k * classes + top] - p[top];
          variance += d * d / rounds;
        }
        mean[from + k] = p;
        spread[from + k] = (float) Math.sqrt(variance);
      }
      listener.onBatch(b + 1, batches);
    }
    return new Prediction(mean, spread);
  }

  private int[][] draws(int n, int rounds, int poolSize) {
    Random random = new Random(seed);
    int[][] out = new int[n][rounds];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < rounds; j++) {
        out[i][j] = random.nextInt(poolSize);
      }
    }
    return out;
  }
}
