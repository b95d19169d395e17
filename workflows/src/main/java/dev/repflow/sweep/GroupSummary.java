package dev.repflow.sweep;

import java.util.List;
import java.util.Map;

/**
 * A group of points that differ only in their seeds.
 *
 * @param group e.g. {@code evaluate.k=10}, or {@code all}
 * @param values the grid values of the group
 * @param completed points of the group that completed
 * @param failed points of the group that failed
 * @param metrics every metric the completed points reported, in report order
 */
public record GroupSummary(
    String group,
    Map<String, Object> values,
    int completed,
    int failed,
    List<MetricStats> metrics) {
  public GroupSummary {
    metrics = List.copyOf(metrics);
  }
}
