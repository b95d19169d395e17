package dev.repflow.sweep;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Aggregation of a sweep (CPU queue): reads each point's report data, writes mean +- std. */
@ActivityInterface
public interface SweepActivities {
  @ActivityMethod(name = "WriteSweepReport")
  SweepSummary report(SweepReportRequest request);
}
