package dev.repflow.anchoring;

import dev.repflow.data.Permutations;
import java.util.Arrays;
import java.util.Random;

/**
 * Anchors and masking for the training batches of one epoch, drawn the way LLNL/anchoring's {@code
 * CIFAR/train.py} draws them.
 *
 * <p>The reference walks a shuffled anchor loader (batches of {@value #ANCHOR_BATCH} pool images, a
 * fresh shuffle each epoch and whenever it runs out, the last batch of a pass shorter); each
 * training batch takes the next anchor batch, and every sample picks its anchor uniformly, with
 * replacement, from that anchor batch ({@code anchors[torch.randint(...)]} in {@code wrapper.py}).
 * Reference masking is one Bernoulli(alpha) draw per training batch.
 */
final class TrainingAnchors {
  /** Batch size of the reference's anchor loader, independent of the training batch size. */
  static final int ANCHOR_BATCH = 128;

  private final int poolSize;
  private final Random random;
  private int[] order;
  private int next;

  /**
   * @param poolSize images to draw anchors from (the training split)
   * @param random the epoch's generator; every draw of the epoch comes from it
   */
  TrainingAnchors(int poolSize, Random random) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("no images to draw anchors from");
    }
    this.poolSize = poolSize;
    this.random = random;
    this.next = poolSize; // the first call shuffles
  }

  /** One batch's draws. */
  record Draw(boolean masked, int[] anchors) {}

  /**
   * @param batchSize samples in the training batch
   * @param alpha reference-masking probability
   * @return the masking flag (drawn first, so the anchors do not depend on alpha) and one pool
   *     index per sample
   */
  Draw next(int batchSize, double alpha) {
    boolean masked = random.nextDouble() < alpha;
    if (next >= poolSize) {
      order = Permutations.of(poolSize, random);
      next = 0;
    }
    int[] chunk = Arrays.copyOfRange(order, next, Math.min(next + ANCHOR_BATCH, poolSize));
    next += ANCHOR_BATCH;
    int[] anchors = new int[batchSize];
    for (int k = 0; k < batchSize; k++) {
      anchors[k] = chunk[random.nextInt(chunk.length)];
    }
    return new Draw(masked, anchors);
  }
}
