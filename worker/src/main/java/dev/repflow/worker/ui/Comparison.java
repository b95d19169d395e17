package dev.repflow.worker.ui;

import dev.repflow.reports.Metric;
import dev.repflow.reports.PlotSeries;
import dev.repflow.reports.ReportPlot;
import dev.repflow.reports.RunDocument;
import dev.repflow.reports.Sections;
import dev.repflow.reports.SweepTables;
import dev.repflow.sweep.GroupSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs of one pipeline side by side: their configs' differences, every metric (a sweep contributes
 * one column per group, as mean ± std), and each plot with every run's lines overlaid.
 */
final class Comparison {
  /** One column: a run, or one group of a sweep. */
  record Column(String label, RunDocument doc, GroupSummary group) {}

  /** A config key whose value differs between the runs; values in run order ("" when unset). */
  record Difference(String key, List<String> values) {}

  private final List<RunDocument> docs;
  private final List<Column> columns = new ArrayList<>();

  private Comparison(List<RunDocument> docs) {
    this.docs = docs;
    for (RunDocument doc : docs) {
      if (doc.sweep() == null) {
        columns.add(new Column(doc.workflowId(), doc, null));
      } else {
        doc.sweep()
            .groups()
            .forEach(
                g -> columns.add(new Column(doc.workflowId() + " [" + g.group() + "]", doc, g)));
      }
    }
  }

  /**
   * @throws IllegalArgumentException when fewer than two runs are given or their pipelines differ
   */
  static Comparison of(List<RunDocument> docs) {
    if (docs.size() < 2) {
      throw new IllegalArgumentException("pick at least two runs to compare");
    }
    Set<String> pipelines = new LinkedHashSet<>();
    docs.forEach(d -> pipelines.add(d.pipeline()));
    if (pipelines.size() > 1) {
      throw new IllegalArgumentException(
          "runs of one pipeline compare; these are of " + String.join(", ", pipelines));
    }
    return new Comparison(docs);
  }

  String pipeline() {
    return docs.get(0).pipeline();
  }

  List<RunDocument> docs() {
    return docs;
  }

  List<Column> columns() {
    return columns;
  }

  /** Every metric name, in the order the runs report them. */
  List<String> metricNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Column c : columns) {
      if (c.group() == null) {
        c.doc().metrics().forEach(m -> names.add(m.name()));
      } else {
        c.group().metrics().forEach(m -> names.add(m.name()));
      }
    }
    return new ArrayList<>(names);
  }

  /** The metric in a column: the value of a run, mean ± std (n) of a sweep group, or "-". */
  String cell(Column column, String metric) {
    if (column.group() != null) {
      return column.group().metrics().stream()
          .filter(m -> m.name().equals(metric))
          .findFirst()
          .map(SweepTables::meanStd)
          .orElse("-");
    }
    return column.doc().metrics().stream()
        .filter(m -> m.name().equals(metric))
        .findFirst()
        .map(Metric::value)
        .map(Sections::cell)
        .orElse("-");
  }

  /** Config keys whose values differ; for a sweep, its base spec plus its swept keys. */
  List<Difference> configDifferences() {
    List<Map<String, String>> flat = docs.stream().map(Comparison::config).toList();
    Set<String> keys = new LinkedHashSet<>();
    flat.forEach(f -> keys.addAll(f.keySet()));
    List<Difference> differences = new ArrayList<>();
    for (String key : keys) {
      List<String> values = flat.stream().map(f -> f.getOrDefault(key, "")).toList();
      if (values.stream().distinct().count() > 1) {
        differences.add(new Difference(key, values));
      }
    }
    return differences;
  }

  /** Keys every run sets to the same value. */
  int equalConfigKeys() {
    Set<String> keys = new LinkedHashSet<>();
    docs.forEach(d -> keys.addAll(config(d).keySet()));
    return keys.size() - configDifferences().size();
  }

  /** Per plot name: every run's lines, named {@code <run>: <line>}, to draw in one chart. */
  Map<ReportPlot, List<PlotSeries>> overlays() {
    Map<String, ReportPlot> first = new LinkedHashMap<>();
    Map<String, List<PlotSeries>> lines = new LinkedHashMap<>();
    for (RunDocument doc : docs) {
      for (ReportPlot plot : doc.plots()) {
        if (plot.series().isEmpty()) {
          continue;
        }
        first.putIfAbsent(plot.name(), plot);
        for (PlotSeries s : plot.series()) {
          lines
              .computeIfAbsent(plot.name(), k -> new ArrayList<>())
              .add(new PlotSeries(doc.workflowId() + ": " + s.name(), s.x(), s.y()));
        }
      }
    }
    Map<ReportPlot, List<PlotSeries>> overlays = new LinkedHashMap<>();
    first.forEach((name, plot) -> overlays.put(plot, lines.get(name)));
    return overlays;
  }

  /** The run's config as dotted keys; a sweep's base keys unprefixed, its own under sweep. */
  static Map<String, String> config(RunDocument doc) {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", doc.spec(), flat);
    if (doc.sweep() == null) {
      return flat;
    }
    Map<String, String> renamed = new LinkedHashMap<>();
    flat.forEach((k, v) -> renamed.put(k.startsWith("base.") ? k.substring(5) : "sweep." + k, v));
    return renamed;
  }

  private static void flatten(String prefix, Object value, Map<String, String> out) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, out));
    } else if (value != null) {
      out.put(prefix, Objects.toString(value));
    }
  }
}
