package dev.repflow.common;

/**
 * Heartbeat details of a long step: what it is doing, how far it got.
 *
 * <p>Clients read it from the pending activity of a running workflow (the CLI's live progress);
 * a retried attempt reads its predecessor's last value to resume.
 *
 * @param step activity step name, e.g. {@code pretrain}
 * @param unit what {@code done}/{@code total} count: {@code batch}, {@code epoch}, {@code row}
 * @param done units finished
 * @param total units planned (0 if unknown)
 * @param message short human-readable detail, e.g. {@code epoch 2/3 loss 0.412}
 */
public record StepProgress(String step, String unit, long done, long total, String message) {

  /** Renders {@code step: message} or {@code step: unit done/total}. */
  public String describe() {
    if (message != null && !message.isBlank()) {
      return step + ": " + message;
    }
    return total > 0 ? step + ": " + unit + " " + done + "/" + total : step;
  }
}
