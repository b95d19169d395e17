package dev.repflow.reports;

import com.google.protobuf.Timestamp;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a finished run's time went, read from its history: wall time of the workflow and the time
 * during which at least one activity was executing. The rest is orchestration (scheduling, polling,
 * workflow tasks) and waiting for workers.
 *
 * @param wall workflow start to close
 * @param inActivities union of all activity attempts' start-to-close intervals
 */
public record RunTimings(Duration wall, Duration inActivities) {

  /** Share of the wall time during which no activity was running, in [0, 1]. */
  public double outsideActivitiesShare() {
    if (wall.isZero()) {
      return 0;
    }
    return Math.max(0, 1 - (double) inActivities.toNanos() / wall.toNanos());
  }

  /** The closing line every pipeline report prints: steps, cache reuse, where the time went. */
  public void printSummary(PrintWriter out, int totalSteps, int cachedSteps) {
    out.printf(
        Locale.ROOT,
        "%n%d steps, %d reused from cache. Wall time %.1f s, %.0f%% of it outside activities.%n",
        totalSteps,
        cachedSteps,
        wall.toMillis() / 1000.0,
        100 * outsideActivitiesShare());
    out.flush();
  }

  public static RunTimings of(WorkflowExecutionHistory history) {
    List<HistoryEvent> events = history.getEvents();
    long start = millis(events.get(0).getEventTime());
    long end = millis(events.get(events.size() - 1).getEventTime());
    Map<Long, Long> startedAt = new HashMap<>();
    List<long[]> intervals = new ArrayList<>();
    for (HistoryEvent e : events) {
      EventType type = e.getEventType();
      if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        startedAt.put(e.getEventId(), millis(e.getEventTime()));
      } else if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
        closeInterval(
            startedAt,
            e.getActivityTaskCompletedEventAttributes().getStartedEventId(),
            e,
            intervals);
      } else if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED) {
        closeInterval(
            startedAt, e.getActivityTaskFailedEventAttributes().getStartedEventId(), e, intervals);
      } else if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT) {
        closeInterval(
            startedAt,
            e.getActivityTaskTimedOutEventAttributes().getStartedEventId(),
            e,
            intervals);
      }
    }
    return new RunTimings(
        Duration.ofMillis(end - start), Duration.ofMillis(unionLength(intervals)));
  }

  private static void closeInterval(
      Map<Long, Long> startedAt, long startedEventId, HistoryEvent closed, List<long[]> out) {
    Long from = startedAt.get(startedEventId);
    if (from != null) {
      out.add(new long[] {from, millis(closed.getEventTime())});
    }
  }

  /** Total length covered by possibly overlapping intervals (parallel activities count once). */
  static long unionLength(List<long[]> intervals) {
    intervals.sort((a, b) -> Long.compare(a[0], b[0]));
    long total = 0;
    long curStart = Long.MIN_VALUE;
    long curEnd = Long.MIN_VALUE;
    for (long[] iv : intervals) {
      if (iv[0] > curEnd) {
        total += curEnd - curStart;
        curStart = iv[0];
        curEnd = iv[1];
      } else {
        curEnd = Math.max(curEnd, iv[1]);
      }
    }
    return total + (curEnd - curStart);
  }

  private static long millis(Timestamp t) {
    return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
  }
}
