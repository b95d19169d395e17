package dev.repflow.anchoring;

/**
 * Cosine learning-rate decay from {@code base} to 0 over {@code totalSteps} optimizer steps,
 * evaluated per step (PyTorch's CosineAnnealingLR with T_max = total steps, eta_min = 0).
 */
record CosineSchedule(double base, long totalSteps) {

  CosineSchedule {
    if (totalSteps < 1) {
      throw new IllegalArgumentException("totalSteps must be positive, got " + totalSteps);
    }
  }

  /** Learning rate of the step that follows {@code stepsDone} finished steps. */
  double at(long stepsDone) {
    return base * 0.5 * (1 + Math.cos(Math.PI * Math.min(stepsDone, totalSteps) / totalSteps));
  }
}
