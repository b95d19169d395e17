package dev.repflow.sweep;

import java.util.List;

/**
 * Progress a sweep hands to its next run when it continues as new.
 *
 * @param next index of the first point not yet started
 * @param finished outcomes of points 0 .. next-1
 */
public record SweepCarry(int next, List<PointOutcome> finished) {
  public SweepCarry {
    finished = List.copyOf(finished);
  }
}
