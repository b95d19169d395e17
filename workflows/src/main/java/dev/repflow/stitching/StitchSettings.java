package dev.repflow.stitching;

import java.util.List;

/**
 * How stitching layers are fitted.
 *
 * @param samples K, training images for direct matching (default 100)
 * @param ranks retained ranks of the front representation for extra direct-matching variants
 *     (empty: full rank only)
 * @param taskLoss task-loss matching settings
 */
public record StitchSettings(int samples, List<Integer> ranks, TaskLoss taskLoss) {
  public StitchSettings {
    samples = samples == 0 ? 100 : samples;
    if (samples < 2) {
      throw new IllegalArgumentException("stitch.samples must be >= 2, got " + samples);
    }
    ranks = ranks == null ? List.of() : List.copyOf(ranks);
    for (int r : ranks) {
      if (r < 1) {
        throw new IllegalArgumentException("stitch.ranks must be positive, got " + r);
      }
    }
    taskLoss = taskLoss == null ? new TaskLoss(0, 0, 0, null, 0) : taskLoss;
  }

  /**
   * Task-loss matching: only the stitching layer trains, on the task's cross-entropy (Adam).
   *
   * @param epochs passes over the training images (default 1)
   * @param inits {@code random} and/or {@code direct} (initialised from direct matching)
   * @param seed random init and shuffling
   */
  public record TaskLoss(
      int epochs, int batchSize, double learningRate, List<String> inits, long seed) {
    public static final String RANDOM = "random";
    public static final String DIRECT = "direct";

    public TaskLoss {
      epochs = epochs == 0 ? 1 : epochs;
      batchSize = batchSize == 0 ? 128 : batchSize;
      learningRate = learningRate == 0 ? 1e-3 : learningRate;
      inits = inits == null ? List.of(RANDOM, DIRECT) : List.copyOf(inits);
      if (epochs < 0 || epochs > 100) {
        throw new IllegalArgumentException("stitch.taskLoss.epochs must be in 0..100");
      }
      if (batchSize < 1 || !(learningRate > 0 && learningRate < 10)) {
        throw new IllegalArgumentException(
            "stitch.taskLoss: batchSize must be positive and learningRate in (0, 10)");
      }
      for (String init : inits) {
        if (!init.equals(RANDOM) && !init.equals(DIRECT)) {
          throw new IllegalArgumentException(
              "stitch.taskLoss.inits: unknown init '" + init + "' (known: random, direct)");
        }
      }
    }
  }
}
