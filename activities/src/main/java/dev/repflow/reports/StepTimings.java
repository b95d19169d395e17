package dev.repflow.reports;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-activity timings of a run (so far), read from its history; totals from {@link RunTimings}.
 */
public final class StepTimings {
  private StepTimings() {}

  public static Timings of(WorkflowExecutionHistory history) {
    Map<Long, Step> byScheduled = new LinkedHashMap<>();
    for (HistoryEvent e : history.getEvents()) {
      switch (e.getEventType()) {
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
          var a = e.getActivityTaskScheduledEventAttributes();
          byScheduled.put(e.getEventId(), new Step(a.getActivityType().getName(), summary(e)));
        }
        case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
          var a = e.getActivityTaskStartedEventAttributes();
          Step step = byScheduled.get(a.getScheduledEventId());
          if (step != null) {
            step.attempts = a.getAttempt();
            step.startMillis = millis(e);
          }
        }
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
            close(
                byScheduled,
                e.getActivityTaskCompletedEventAttributes().getScheduledEventId(),
                e,
                "completed");
        case EVENT_TYPE_ACTIVITY_TASK_FAILED ->
            close(
                byScheduled,
                e.getActivityTaskFailedEventAttributes().getScheduledEventId(),
                e,
                "failed");
        case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT ->
            close(
                byScheduled,
                e.getActivityTaskTimedOutEventAttributes().getScheduledEventId(),
                e,
                "timed out");
        default -> {}
      }
    }
    List<StepTiming> steps = new ArrayList<>();
    for (Step s : byScheduled.values()) {
      double seconds =
          s.endMillis > 0 && s.startMillis > 0 ? (s.endMillis - s.startMillis) / 1e3 : 0;
      steps.add(new StepTiming(s.activity, s.summary, s.attempts, seconds, s.outcome));
    }
    RunTimings totals = RunTimings.of(history);
    return new Timings(
        totals.wall().toMillis() / 1e3, totals.inActivities().toMillis() / 1e3, steps);
  }

  /** Each scheduled activity's summary (its step name in the CLI, e.g. "knn-pixels") by id. */
  public static Map<String, String> summaries(WorkflowExecutionHistory history) {
    Map<String, String> out = new LinkedHashMap<>();
    for (HistoryEvent e : history.getEvents()) {
      if (e.hasActivityTaskScheduledEventAttributes()) {
        out.put(e.getActivityTaskScheduledEventAttributes().getActivityId(), summary(e));
      }
    }
    return out;
  }

  /** The summary the workflow gave a scheduled activity, else its activity id. */
  private static String summary(HistoryEvent scheduled) {
    return scheduled.hasUserMetadata() && scheduled.getUserMetadata().hasSummary()
        ? text(scheduled.getUserMetadata().getSummary())
        : scheduled.getActivityTaskScheduledEventAttributes().getActivityId();
  }

  private static void close(Map<Long, Step> steps, long scheduledId, HistoryEvent e, String how) {
    Step step = steps.get(scheduledId);
    if (step != null) {
      step.endMillis = millis(e);
      step.outcome = how;
    }
  }

  private static String text(Payload payload) {
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class);
  }

  private static long millis(HistoryEvent e) {
    return e.getEventTime().getSeconds() * 1000 + e.getEventTime().getNanos() / 1_000_000;
  }

  /** An activity while its events are read. */
  private static final class Step {
    final String activity;
    final String summary;
    int attempts;
    long startMillis;
    long endMillis;
    String outcome = "running";

    Step(String activity, String summary) {
      this.activity = activity;
      this.summary = summary;
    }
  }
}
