package dev.repflow.sweep;

import dev.repflow.reports.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mean, sample std, min and max of every metric over the points of each group. */
final class GroupStats {
  private GroupStats() {}

  /**
   * @param points every point, in point order
   * @param metrics each completed point's metrics by point index (absent for failed points)
   * @param seedKeys keys averaged over; the rest of a point's params are its group's values
   */
  static List<GroupSummary> of(
      List<PointOutcome> points, Map<Integer, List<Metric>> metrics, List<String> seedKeys) {
    Map<String, List<PointOutcome>> groups = new LinkedHashMap<>();
    points.forEach(p -> groups.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p));
    List<GroupSummary> summaries = new ArrayList<>();
    groups.forEach(
        (group, members) -> {
          Map<String, List<Double>> values = new LinkedHashMap<>();
          int completed = 0;
          for (PointOutcome p : members) {
            List<Metric> found = metrics.get(p.index());
            if (found == null) {
              continue;
            }
            completed++;
            for (Metric m : found) {
              if (!Double.isNaN(m.value())) {
                values.computeIfAbsent(m.name(), n -> new ArrayList<>()).add(m.value());
              }
            }
          }
          List<MetricStats> stats = new ArrayList<>();
          values.forEach((name, vs) -> stats.add(stats(name, vs)));
          Map<String, Object> groupValues = new LinkedHashMap<>(members.get(0).params());
          seedKeys.forEach(groupValues::remove);
          summaries.add(
              new GroupSummary(group, groupValues, completed, members.size() - completed, stats));
        });
    return summaries;
  }

  static MetricStats stats(String name, List<Double> values) {
    int n = values.size();
    double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    double std = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    return new MetricStats(name, n, mean, std, min, max);
  }
}
