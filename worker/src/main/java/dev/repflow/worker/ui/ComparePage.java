package dev.repflow.worker.ui;

import dev.repflow.reports.Html;
import dev.repflow.reports.LineChart;
import dev.repflow.reports.PlotSeries;
import dev.repflow.reports.ReportPlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The compare view: config differences, metrics side by side, overlaid plots. */
final class ComparePage {
  private ComparePage() {}

  static String render(Comparison comparison) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>Compare ")
        .append(comparison.docs().size())
        .append(" ")
        .append(Html.escape(comparison.pipeline()))
        .append(" runs</h1>\n<p>");
    comparison.docs().forEach(d -> body.append(Pages.runLink(d.workflowId())).append(' '));
    body.append("</p>\n");

    List<String> runs = comparison.docs().stream().map(d -> d.workflowId()).toList();
    List<String> header = new ArrayList<>(List.of("config key"));
    header.addAll(runs);
    List<List<String>> rows = new ArrayList<>();
    comparison.configDifferences().forEach(d -> rows.add(row(d.key(), d.values())));
    body.append("<h2>Config differences</h2><p class=\"note\">")
        .append(comparison.equalConfigKeys())
        .append(" other keys are equal</p>")
        .append(tableWithId("config-diff", header, rows));

    List<String> columns = new ArrayList<>(List.of("metric"));
    comparison.columns().forEach(c -> columns.add(c.label()));
    List<List<String>> metrics = new ArrayList<>();
    for (String name : comparison.metricNames()) {
      List<String> row = new ArrayList<>(List.of(name));
      comparison.columns().forEach(c -> row.add(comparison.cell(c, name)));
      metrics.add(row);
    }
    body.append(
            "<h2>Metrics</h2><p class=\"note\">sweeps: mean ± sample std over their seeds"
                + " (n points) per group</p>")
        .append(tableWithId("metrics", columns, metrics));

    Map<ReportPlot, List<PlotSeries>> overlays = comparison.overlays();
    if (!overlays.isEmpty()) {
      body.append("<h2>Plots, overlaid</h2>\n");
      overlays.forEach(
          (plot, series) ->
              body.append("<figure>")
                  .append(
                      LineChart.svg(
                          plot.title(), plot.xLabel(), plot.yLabel(), plot.logX(), series))
                  .append("<figcaption>")
                  .append(Html.escape(plot.title()))
                  .append("</figcaption></figure>\n"));
    }
    return Pages.frame("Compare", "", body.toString());
  }

  private static List<String> row(String first, List<String> rest) {
    List<String> row = new ArrayList<>(List.of(first));
    row.addAll(rest);
    return row;
  }

  private static String tableWithId(String id, List<String> header, List<List<String>> rows) {
    return Html.grid(header, rows).replaceFirst("<table>", "<table id=\"" + id + "\">");
  }
}
