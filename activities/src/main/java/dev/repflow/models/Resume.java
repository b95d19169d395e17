package dev.repflow.models;

import java.nio.file.Path;

/**
 * Where an interrupted training run continues from.
 *
 * @param completedEpochs epochs that the checkpoint already holds; must match the checkpoint
 * @param checkpointFile a checkpoint written by {@link TrainingLoop} (with training state)
 */
public record Resume(int completedEpochs, Path checkpointFile) {

  public Resume {
    if (completedEpochs < 1) {
      throw new IllegalArgumentException(
          "completedEpochs must be at least 1, got " + completedEpochs);
    }
    if (checkpointFile == null) {
      throw new IllegalArgumentException("checkpointFile is required");
    }
  }
}
