package dev.repflow.common;

import dev.repflow.artifacts.StepOutcome;
import io.temporal.workflow.Async;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;

/** Runs workflow steps asynchronously while keeping a {@link StageTracker} up to date. */
public final class Steps {
  private final StageTracker tracker;
  private int total;
  private int cached;

  public Steps(StageTracker tracker) {
    this.tracker = tracker;
  }

  /**
   * Starts {@code step} (an activity call) as stage {@code stage}; its state follows the promise.
   */
  public <T extends StepOutcome> Promise<T> start(String stage, Functions.Func<T> step) {
    tracker.start(stage);
    return Async.function(step)
        .handle(
            (outcome, failure) -> {
              if (failure != null) {
                tracker.fail(stage, failure.getMessage());
                throw failure;
              }
              total++;
              if (outcome.cached()) {
                cached++;
              }
              tracker.finish(stage, outcome.cached(), outcome.summary());
              return outcome;
            });
  }

  /** Steps finished so far (run or reused). */
  public int total() {
    return total;
  }

  /** Steps reused from the cache so far. */
  public int cached() {
    return cached;
  }
}
