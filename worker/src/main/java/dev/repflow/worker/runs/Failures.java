package dev.repflow.worker.runs;

import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;

/** One-line descriptions of failed runs, for the CLI. */
public final class Failures {
  private Failures() {}

  /**
   * {@code workflow <id> failed in <ActivityType>: <root message>}, where the root message is the
   * innermost Temporal failure's own message (it names the config key, file or object).
   */
  public static String describe(WorkflowFailedException e) {
    String activity = null;
    String message = e.getMessage();
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ActivityFailure a) {
        activity = a.getActivityType();
      }
      if (t instanceof ApplicationFailure app) {
        message = app.getOriginalMessage();
      } else if (t instanceof TemporalFailure tf && !(t instanceof ActivityFailure)) {
        message = tf.getOriginalMessage();
      }
    }
    return "workflow "
        + e.getExecution().getWorkflowId()
        + " failed"
        + (activity == null ? "" : " in " + activity)
        + ": "
        + message;
  }
}
