package dev.repflow.reports;

import java.util.List;

/**
 * Where a run's time went, as far as its history shows when the report is written.
 *
 * @param wallSeconds workflow start to the report
 * @param activitySeconds time during which at least one activity ran
 */
public record Timings(double wallSeconds, double activitySeconds, List<StepTiming> steps) {
  public Timings {
    steps = List.copyOf(steps);
  }
}
