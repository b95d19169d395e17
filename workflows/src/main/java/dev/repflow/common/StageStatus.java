package dev.repflow.common;

/**
 * State of one pipeline stage as the workflow sees it.
 *
 * @param stage stage name, e.g. {@code embed-train}
 * @param state one of {@link State}
 * @param detail e.g. the artifact URI once done, or why it failed
 */
public record StageStatus(String stage, State state, String detail) {

  /** Lifecycle of a stage. CACHED means the step found its output and did not recompute. */
  public enum State {
    PENDING,
    RUNNING,
    DONE,
    CACHED,
    FAILED;

    public boolean finished() {
      return this == DONE || this == CACHED || this == FAILED;
    }
  }
}
