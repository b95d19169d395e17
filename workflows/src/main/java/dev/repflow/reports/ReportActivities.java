package dev.repflow.reports;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The report every run writes last (CPU queue): HTML page, plots as SVG + CSV, run.json. */
@ActivityInterface
public interface ReportActivities {
  @ActivityMethod(name = "WriteRunReport")
  RunReport write(RunReportRequest request);
}
