package dev.repflow.models;

import java.nio.file.Path;

/**
 * Progress of {@link TrainingLoop}, e.g. for heartbeats. Not DJL's listener: this one also hands
 * over each epoch's checkpoint so the caller can store it before training goes on.
 */
public interface TrainingListener {

  /**
   * After each optimizer step.
   *
   * @param epoch 1-based epoch number
   * @param batch 1-based batch number within the epoch
   * @param loss mean cross-entropy of the batch
   */
  default void onBatch(int epoch, int batch, int batchesPerEpoch, float loss) {}

  /**
   * After each epoch, once its checkpoint is written. The trainer deletes the file when the next
   * epoch's checkpoint replaces it, so copy or upload it here.
   *
   * @param epoch 1-based number of the finished epoch, i.e. the {@code completedEpochs} to resume
   *     from with this checkpoint
   */
  default void onEpochEnd(int epoch, Path checkpointFile, double trainAccuracy, double meanLoss) {}

  /** A listener that ignores all events. */
  static TrainingListener none() {
    return new TrainingListener() {};
  }
}
