package dev.repflow.imprinting;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;

/**
 * A batch of runs evaluated on every task.
 *
 * @param runs JSON artifact: one row per run (id, config, accuracy per task)
 * @param count runs in the batch
 * @param memoized runs found finished in the store (skipped)
 */
public record BatchResult(ArtifactRef runs, int count, int memoized) implements StepOutcome {

  @Override
  public boolean cached() {
    return memoized == count;
  }

  @Override
  public String summary() {
    return count + " runs, " + memoized + " memoized";
  }
}
