package dev.repflow.artifacts;

/** What every step result tells the workflow's progress tracking. */
public interface StepOutcome {
  /** True when the step's output was found under its content address and reused. */
  boolean cached();

  /** One line for progress and logs, usually the output URI. */
  String summary();
}
