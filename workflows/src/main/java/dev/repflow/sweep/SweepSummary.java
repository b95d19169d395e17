package dev.repflow.sweep;

import dev.repflow.artifacts.StepOutcome;
import dev.repflow.reports.RunReport;
import java.util.List;

/** The sweep's report and the per-group statistics it holds. */
public record SweepSummary(RunReport report, List<GroupSummary> groups) implements StepOutcome {
  public SweepSummary {
    groups = List.copyOf(groups);
  }

  @Override
  public boolean cached() {
    return false;
  }

  @Override
  public String summary() {
    return report.summary();
  }
}
