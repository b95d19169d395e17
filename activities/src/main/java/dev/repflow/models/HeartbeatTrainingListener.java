package dev.repflow.models;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.common.StepProgress;
import dev.repflow.steps.ProgressReporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Turns training callbacks into heartbeats and epoch checkpoints in the store.
 *
 * <p>After each epoch the checkpoint is uploaded and its reference goes into the heartbeat, so a
 * retried attempt ({@link #resume()}) continues from the last finished epoch instead of from zero.
 * Training code stays free of Temporal. Used by {@link CheckpointedTraining} for every training
 * step.
 */
final class HeartbeatTrainingListener implements TrainingListener {
  private final ArtifactStore store;
  private final String keyBase;
  private final ProgressReporter progress;
  private final String step;
  private final String label;
  private final int epochs;
  private int savedEpoch;
  private ArtifactRef saved;

  /**
   * @param keyBase epoch checkpoints go to {@code <keyBase>-epoch<N>.params}
   * @param step step name in the heartbeat, e.g. {@code pretrain}
   * @param label prefix of every progress message (e.g. the model's name), or empty
   */
  HeartbeatTrainingListener(
      ArtifactStore store,
      String keyBase,
      ProgressReporter progress,
      String step,
      String label,
      int epochs) {
    this.store = store;
    this.keyBase = keyBase;
    this.progress = progress;
    this.step = step;
    this.label = label.isEmpty() ? "" : label + " ";
    this.epochs = epochs;
    progress
        .lastAttempt()
        .filter(p -> p.checkpoint() != null)
        .ifPresent(
            p -> {
              savedEpoch = p.checkpointEpoch();
              saved = p.checkpoint();
            });
  }

  /** Where the previous attempt got to, or null to start from scratch. */
  Resume resume() {
    return saved == null ? null : new Resume(savedEpoch, store.download(saved));
  }

  @Override
  public void onBatch(int epoch, int batch, int batchesPerEpoch, float loss) {
    String message =
        String.format(
            Locale.ROOT,
            "%sepoch %d/%d batch %d/%d loss %.4f",
            label,
            epoch,
            epochs,
            batch,
            batchesPerEpoch,
            loss);
    long done = (long) (epoch - 1) * batchesPerEpoch + batch;
    progress.report(
        new StepProgress(
            step, "batch", done, (long) epochs * batchesPerEpoch, message, savedEpoch, saved));
  }

  @Override
  public void onEpochEnd(int epoch, Path checkpointFile, double trainAccuracy, double meanLoss) {
    // Upload now: the trainer deletes this file once the next epoch's checkpoint replaces it.
    saved = store.put(keyBase + "-epoch" + epoch + ".params", checkpointFile, "params", List.of());
    savedEpoch = epoch;
    String message =
        String.format(
            Locale.ROOT,
            "%sepoch %d/%d done: train acc %.3f loss %.4f",
            label,
            savedEpoch,
            epochs,
            trainAccuracy,
            meanLoss);
    progress.report(
        new StepProgress(step, "epoch", savedEpoch, epochs, message, savedEpoch, saved));
  }
}
