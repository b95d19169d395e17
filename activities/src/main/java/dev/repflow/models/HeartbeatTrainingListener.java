package dev.repflow.models;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.common.StepProgress;
import dev.repflow.steps.ProgressReporter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns training callbacks into heartbeats and epoch checkpoints in the store.
 *
 * <p>After each epoch the checkpoint is uploaded ({@link EpochCheckpoints}) and its reference goes
 * into the heartbeat, so the CLI shows it and a retried attempt continues from the last finished
 * epoch instead of from zero. Training code stays free of Temporal. Used by {@link
 * CheckpointedTraining} for every training step.
 */
final class HeartbeatTrainingListener implements TrainingListener {
  private final EpochCheckpoints checkpoints;
  private final ProgressReporter progress;
  private final String step;
  private final String label;
  private final int epochs;
  private int savedEpoch;
  private ArtifactRef saved;

  /**
   * @param step step name in the heartbeat, e.g. {@code pretrain}
   * @param label prefix of every progress message (e.g. the model's name), or empty
   * @param resumedFrom the checkpoint training continues from, or null
   */
  HeartbeatTrainingListener(
      EpochCheckpoints checkpoints,
      ProgressReporter progress,
      String step,
      String label,
      int epochs,
      EpochCheckpoints.Restored resumedFrom) {
    this.checkpoints = checkpoints;
    this.progress = progress;
    this.step = step;
    this.label = label.isEmpty() ? "" : label + " ";
    this.epochs = epochs;
    if (resumedFrom != null) {
      savedEpoch = resumedFrom.epoch();
      saved = resumedFrom.ref();
    }
    // At once, before the model is built: where training starts, for the CLI and the log.
    String start = resumedFrom == null ? "starting" : "resuming after epoch " + savedEpoch;
    progress.report(
        new StepProgress(step, "epoch", savedEpoch, epochs, this.label + start, savedEpoch, saved));
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
    saved = checkpoints.upload(epoch, checkpointFile);
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
