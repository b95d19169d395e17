package dev.repflow.models;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.steps.ProgressReporter;
import java.nio.file.Files;
import java.util.List;

/**
 * The storage side of every training step: epoch checkpoints named in heartbeats, resume of a
 * retried attempt from them, the final checkpoint, then a JSON manifest under the step's cache key.
 * The manifest is written last, so finding it means the step finished. The attempt's temp files are
 * deleted whatever happens.
 */
public final class CheckpointedTraining {
  private CheckpointedTraining() {}

  /** Trains, continuing from {@code resume} when it is not null. */
  @FunctionalInterface
  public interface Trainer {
    TrainingOutcome train(Resume resume, TrainingListener listener) throws Exception;
  }

  /** The manifest record of a finished training. */
  @FunctionalInterface
  public interface Manifest<T> {
    T of(ArtifactRef checkpoint, TrainingOutcome outcome);
  }

  /**
   * @param manifestKey the step's cache key, ending in {@code .json}; checkpoints go beside it
   * @param step step name in heartbeats
   * @param label prefix of progress messages (e.g. the model's name), or empty
   */
  public static <T> T run(
      ArtifactStore store,
      String manifestKey,
      String step,
      String label,
      int epochs,
      Trainer trainer,
      Manifest<T> manifest)
      throws Exception {
    String base = manifestKey.substring(0, manifestKey.length() - ".json".length());
    var listener =
        new HeartbeatTrainingListener(
            store, base, ProgressReporter.forCurrentActivity(), step, label, epochs);
    Resume resume = listener.resume();
    TrainingOutcome outcome = null;
    try {
      outcome = trainer.train(resume, listener);
      ArtifactRef checkpoint =
          store.put(base + ".params", outcome.checkpoint(), "params", List.of());
      T result = manifest.of(checkpoint, outcome);
      JsonArtifacts.put(store, manifestKey, result);
      return result;
    } finally {
      // Both are temp files of this attempt; the trainer hands ownership to the caller.
      if (outcome != null) {
        Files.deleteIfExists(outcome.checkpoint());
      }
      if (resume != null) {
        Files.deleteIfExists(resume.checkpointFile());
      }
    }
  }
}
