package dev.repflow.reports;

import dev.repflow.sweep.GroupSummary;
import dev.repflow.sweep.MetricStats;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** A sweep's statistics as report tables: mean +- std per group, and every point. */
public final class SweepTables {
  private SweepTables() {}

  /** {@code 0.9123 ± 0.0040 (n=3)}; one point shows its value alone. */
  public static String meanStd(MetricStats s) {
    if (s.n() == 1) {
      return String.format(Locale.ROOT, "%.4f (n=1)", s.mean());
    }
    return String.format(Locale.ROOT, "%.4f ± %.4f (n=%d)", s.mean(), s.std(), s.n());
  }

  /** Rows: metrics in report order; columns: groups. */
  public static ReportTable groups(SweepData sweep) {
    List<String> columns = new ArrayList<>(List.of("metric"));
    sweep.groups().forEach(g -> columns.add(g.group()));
    List<List<String>> rows =
        meanStdRows(sweep.groups(), metricNames(sweep.groups()), SweepTables::meanStd);
    String note =
        "mean ± sample std over "
            + (sweep.seedKeys().isEmpty() ? "points" : "seeds " + sweep.seedKeys())
            + " per group";
    return new ReportTable("Mean ± std per group", note, columns, rows);
  }

  /** Every metric that any group has, in report order. */
  public static List<String> metricNames(List<GroupSummary> groups) {
    Set<String> names = new LinkedHashSet<>();
    groups.forEach(g -> g.metrics().forEach(m -> names.add(m.name())));
    return List.copyOf(names);
  }

  /**
   * One row per metric of {@code names}: its name, then its statistics in each group as {@code
   * format} writes them, or "-" where a group lacks it.
   */
  public static List<List<String>> meanStdRows(
      List<GroupSummary> groups, List<String> names, Function<MetricStats, String> format) {
    List<List<String>> rows = new ArrayList<>();
    for (String name : names) {
      List<String> row = new ArrayList<>(List.of(name));
      for (GroupSummary g : groups) {
        row.add(
            g.metrics().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .map(format)
                .orElse("-"));
      }
      rows.add(row);
    }
    return rows;
  }

  /** One row per point with the values of {@code shown} metrics. */
  public static ReportTable points(SweepData sweep, List<String> shown) {
    List<String> columns = new ArrayList<>(List.of("point", "run", "params", "status"));
    columns.addAll(shown);
    List<List<String>> rows = new ArrayList<>();
    for (SweepPointData p : sweep.points()) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  String.valueOf(p.index()),
                  p.workflowId(),
                  params(p.params()),
                  p.error() == null ? "completed" : "failed: " + p.error()));
      for (String name : shown) {
        row.add(
            p.metrics().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .map(m -> Sections.cell(m.value()))
                .orElse("-"));
      }
      rows.add(row);
    }
    return new ReportTable("Every point", "", columns, rows);
  }

  private static String params(Map<String, Object> params) {
    StringBuilder text = new StringBuilder();
    params.forEach(
        (k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return text.toString();
  }
}
