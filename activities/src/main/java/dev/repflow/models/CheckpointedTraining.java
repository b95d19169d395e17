package dev.repflow.models;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.RunContext;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepCache;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The storage side of every training step: epoch checkpoints named in heartbeats, resume from the
 * newest stored one (after a retry, or in a new run after a crash), the final checkpoint, then a
 * JSON manifest under the step's cache key. The manifest is written last, so finding it means the
 * step finished. The attempt's temp files are deleted whatever happens.
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
   * The finished step's manifest when it and the checkpoint it names are intact; empty (the step
   * trains again, resuming from its intact epoch checkpoints) when either is missing or corrupt.
   */
  public static <T> Optional<T> reusable(
      StepCache cache,
      ArtifactStore store,
      RunContext run,
      String manifestKey,
      Class<T> type,
      Function<T, ArtifactRef> checkpoint) {
    return cache
        .reusable(run, manifestKey)
        .map(ref -> JsonArtifacts.read(store, ref, type))
        .filter(manifest -> cache.intact(checkpoint.apply(manifest)));
  }

  /**
   * @param manifestKey the step's cache key, ending in {@code .json}; checkpoints go beside it
   * @param step step name in heartbeats
   * @param label prefix of progress messages (e.g. the model's name), or empty
   */
  public static <T> T run(
      ArtifactStore store,
      RunContext run,
      String manifestKey,
      String step,
      String label,
      int epochs,
      Trainer trainer,
      Manifest<T> manifest)
      throws Exception {
    String base = manifestKey.substring(0, manifestKey.length() - ".json".length());
    EpochCheckpoints checkpoints = new EpochCheckpoints(store, base);
    ProgressReporter progress = ProgressReporter.forCurrentActivity();
    EpochCheckpoints.Restored start =
        checkpoints.newest(epochs, progress.lastAttempt(), run.useCache()).orElse(null);
    Resume resume = start == null ? null : new Resume(start.epoch(), start.file());
    var listener = new HeartbeatTrainingListener(checkpoints, progress, step, label, epochs, start);
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
