package dev.repflow.reports;

import java.util.List;

/**
 * A plot of a report.
 *
 * @param name file stem of its {@code .svg} and {@code .csv}, e.g. {@code accuracy-vs-rank}
 * @param source URI of the SVG the pipeline drew, shown as is; null to draw {@code series}
 * @param series the lines, which the results browser overlays across runs; empty for plots that are
 *     not line charts (e.g. a critical-difference diagram)
 * @param data the numbers behind the plot, written as its CSV
 */
public record ReportPlot(
    String name,
    String title,
    String xLabel,
    String yLabel,
    boolean logX,
    String source,
    List<PlotSeries> series,
    ReportTable data) {
  public ReportPlot {
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("plot name must be lowercase words and '-', got " + name);
    }
    series = List.copyOf(series);
  }

  public String svgFile() {
    return name + ".svg";
  }

  public String csvFile() {
    return name + ".csv";
  }
}
