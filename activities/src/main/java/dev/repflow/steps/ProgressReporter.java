package dev.repflow.steps;

import dev.repflow.common.StepProgress;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.Optional;

/**
 * Bridges compute code's progress callbacks to activity heartbeats.
 *
 * <p>Compute classes never see Temporal: they call {@link #report}. The SDK throttles what reaches
 * the server (the plugin lowers the throttle to a few seconds so the CLI's live view stays fresh),
 * so calling it per batch is cheap. A heartbeat also notices cancellation of the activity.
 */
public interface ProgressReporter {

  void report(StepProgress progress);

  /** Details of the previous attempt's last heartbeat, for resuming. */
  default Optional<StepProgress> lastAttempt() {
    return Optional.empty();
  }

  /** Reporter of the activity running on this thread. */
  static ProgressReporter forCurrentActivity() {
    ActivityExecutionContext context = Activity.getExecutionContext();
    return new ProgressReporter() {
      @Override
      public void report(StepProgress progress) {
        context.heartbeat(progress);
      }

      @Override
      public Optional<StepProgress> lastAttempt() {
        return context.getHeartbeatDetails(StepProgress.class);
      }
    };
  }

  /** A reporter that drops everything (unit tests, local runs). */
  static ProgressReporter none() {
    return progress -> {};
  }
}
