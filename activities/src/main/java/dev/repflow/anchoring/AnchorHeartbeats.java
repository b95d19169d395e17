package dev.repflow.anchoring;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.common.StepProgress;
import dev.repflow.models.Resume;
import dev.repflow.models.TrainingListener;
import dev.repflow.steps.ProgressReporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Training callbacks to heartbeats: (epoch, step) every batch, and after each epoch the checkpoint
 * is uploaded and its reference goes into the heartbeat, so a retried attempt ({@link #resume()})
 * continues from the last finished epoch.
 */
final class AnchorHeartbeats implements TrainingListener {
  private final ArtifactStore store;
  private final String keyBase;
  private final ProgressReporter progress;
  private final String model;
  private final int epochs;
  private int savedEpoch;
  private ArtifactRef saved;

  AnchorHeartbeats(
      ArtifactStore store, String keyBase, ProgressReporter progress, String model, int epochs) {
    this.store = store;
    this.keyBase = keyBase;
    this.progress = progress;
    this.model = model;
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
    long step = (long) (epoch - 1) * batchesPerEpoch + batch;
    String message =
        String.format(
            Locale.ROOT, "%s epoch %d/%d step %d loss %.4f", model, epoch, epochs, step, loss);
    progress.report(
        new StepProgress(
            AnchoringActivitiesImpl.TRAIN,
            "step",
            step,
            (long) epochs * batchesPerEpoch,
            message,
            savedEpoch,
            saved));
  }

  @Override
  public void onEpochEnd(int epoch, Path checkpointFile, double trainAccuracy, double meanLoss) {
    // Upload now: the trainer deletes this file once the next epoch's checkpoint replaces it.
    saved = store.put(keyBase + "-epoch" + epoch + ".params", checkpointFile, "params", List.of());
    savedEpoch = epoch;
    String message =
        String.format(
            Locale.ROOT,
            "%s epoch %d/%d done: train acc %.3f loss %.4f",
            model,
            epoch,
            epochs,
            trainAccuracy,
            meanLoss);
    progress.report(
        new StepProgress(
            AnchoringActivitiesImpl.TRAIN, "epoch", epoch, epochs, message, epoch, saved));
  }
}
