package dev.repflow.common;

import dev.repflow.artifacts.ArtifactRef;

/**
 * Heartbeat details of a long step: what it is doing, how far it got, where it can resume.
 *
 * <p>Clients read it from the pending activity of a running workflow (the CLI's live progress); a
 * retried attempt reads its predecessor's last value to resume from {@code checkpoint}.
 *
 * @param step activity step name, e.g. {@code pretrain}
 * @param unit what {@code done}/{@code total} count: {@code batch}, {@code row}, ...
 * @param done units finished
 * @param total units planned (0 if unknown)
 * @param message short human-readable detail, e.g. {@code epoch 2/3 batch 40/235 loss 0.412}
 * @param checkpointEpoch epochs completed in {@code checkpoint} (0 when there is none)
 * @param checkpoint last saved state to resume from, or null
 */
public record StepProgress(
    String step,
    String unit,
    long done,
    long total,
    String message,
    int checkpointEpoch,
    ArtifactRef checkpoint) {

  /** Progress without a checkpoint. */
  public static StepProgress of(String step, String unit, long done, long total, String message) {
    return new StepProgress(step, unit, done, total, message, 0, null);
  }

  /** Renders {@code step: message} or {@code step: unit done/total}. */
  public String describe() {
    if (message != null && !message.isBlank()) {
      return step + ": " + message;
    }
    return total > 0 ? step + ": " + unit + " " + done + "/" + total : step;
  }
}
