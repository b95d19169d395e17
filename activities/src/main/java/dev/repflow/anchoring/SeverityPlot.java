package dev.repflow.anchoring;

import dev.repflow.markup.Svg;
import dev.repflow.markup.Svg.Anchor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A hand-written SVG: two panels (accuracy and ECE against severity), one polyline per model. Plain
 * SVG 1.1 so browsers, GitHub and the report page show it without a plotting library.
 */
final class SeverityPlot {
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
  private static final int PANEL_W = 320;
  private static final int PANEL_H = 220;
  private static final int MARGIN = 50;

  private SeverityPlot() {}

  static String svg(List<SummaryRow> rows) {
    Map<String, List<SummaryRow>> byModel = new LinkedHashMap<>();
    rows.forEach(r -> byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r));
    int maxSeverity = rows.stream().mapToInt(SummaryRow::severity).max().orElse(5);
    double maxEce = Math.max(0.05, rows.stream().mapToDouble(SummaryRow::ece).max().orElse(0));
    // Accuracy from the tenth below the worst cell, so close curves stay apart.
    double minAccuracy =
        Math.floor(rows.stream().mapToDouble(SummaryRow::accuracy).min().orElse(0) * 10) / 10;
    int width = 2 * (PANEL_W + MARGIN) + MARGIN;
    int height = PANEL_H + 2 * MARGIN + 20 * byModel.size();
    Svg svg = Svg.sized(width, height, 12);
    panel(svg, MARGIN, "accuracy", minAccuracy, 1.0, maxSeverity, byModel, SummaryRow::accuracy);
    String ece = rows.isEmpty() ? "ECE" : "ECE (" + rows.get(0).eceBins() + " bins)";
    panel(svg, 2 * MARGIN + PANEL_W, ece, 0, maxEce, maxSeverity, byModel, SummaryRow::ece);
    int i = 0;
    for (String model : byModel.keySet()) {
      int y = PANEL_H + MARGIN + 40 + 20 * i;
      svg.line(MARGIN, y - 4, MARGIN + 30, y - 4, COLORS[i % COLORS.length], 2)
          .text(MARGIN + 38, y, Anchor.START, model);
      i++;
    }
    return svg.close();
  }

  private static void panel(
      Svg svg,
      int left,
      String title,
      double yMin,
      double yMax,
      int maxSeverity,
      Map<String, List<SummaryRow>> byModel,
      ToDoubleFunction<SummaryRow> value) {
    int top = MARGIN;
    int bottom = top + PANEL_H;
    svg.frame(left, top, PANEL_W, PANEL_H, "#888")
        .text(left + PANEL_W / 2, top - 12, Anchor.MIDDLE, 14, title + " vs severity (0 = clean)");
    for (int s = 0; s <= maxSeverity; s++) {
      double x = left + (double) PANEL_W * s / Math.max(1, maxSeverity);
      svg.text(x, bottom + 16, Anchor.MIDDLE, Integer.toString(s));
    }
    for (int t = 0; t <= 4; t++) {
      double v = yMin + (yMax - yMin) * t / 4;
      double y = bottom - PANEL_H * t / 4.0;
      svg.text(left - 4, y + 4, Anchor.END, String.format(Locale.ROOT, "%.2f", v));
    }
    int i = 0;
    for (List<SummaryRow> series : byModel.values()) {
      String colour = COLORS[i % COLORS.length];
      List<Svg.Point> points = new ArrayList<>();
      for (SummaryRow r : series) {
        double x = left + (double) PANEL_W * r.severity() / Math.max(1, maxSeverity);
        double share = (value.applyAsDouble(r) - yMin) / (yMax - yMin);
        double y = bottom - PANEL_H * Math.max(0, Math.min(1, share));
        points.add(new Svg.Point(x, y));
        svg.circle(x, y, 3, colour);
      }
      svg.polyline(points, colour, 2);
      i++;
    }
  }
}
