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
   * The stage name is the activity's summary in the web UI.
   */
  public <T extends StepOutcome> Promise<T> start(String stage, Functions.Func<T> step) {
    return start(stage, stage, step);
  }

  /** Like {@link #start(String, Functions.Func)} with a longer activity summary than the stage. */
  public <T extends StepOutcome> Promise<T> start(
      String stage, String summary, Functions.Func<T> step) {
    tracker.start(stage);
    return Async.function(
            () -> {
              // Runs in the step's own workflow thread, so parallel steps keep their summaries.
              ActivitySummaries.set(summary);
              return step.apply();
            })
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
