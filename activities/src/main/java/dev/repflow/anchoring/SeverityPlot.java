package dev.repflow.anchoring;

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
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
            width,
            height));
    panel(svg, MARGIN, "accuracy", minAccuracy, 1.0, maxSeverity, byModel, SummaryRow::accuracy);
    String ece = rows.isEmpty() ? "ECE" : "ECE (" + rows.get(0).eceBins() + " bins)";
    panel(svg, 2 * MARGIN + PANEL_W, ece, 0, maxEce, maxSeverity, byModel, SummaryRow::ece);
    int i = 0;
    for (String model : byModel.keySet()) {
      int y = PANEL_H + MARGIN + 40 + 20 * i;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                  + "<text x=\"%d\" y=\"%d\">%s</text>%n",
              MARGIN,
              y - 4,
              MARGIN + 30,
              y - 4,
              COLORS[i % COLORS.length],
              MARGIN + 38,
              y,
              escape(model)));
      i++;
    }
    return svg.append("</svg>\n").toString();
  }

  private static void panel(
      StringBuilder svg,
      int left,
      String title,
      double yMin,
      double yMax,
      int maxSeverity,
      Map<String, List<SummaryRow>> byModel,
      ToDoubleFunction<SummaryRow> value) {
    int top = MARGIN;
    int bottom = top + PANEL_H;
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"14\">%s vs severity"
                + " (0 = clean)</text>%n",
            left,
            top,
            PANEL_W,
            PANEL_H,
            left + PANEL_W / 2,
            top - 12,
            title));
    for (int s = 0; s <= maxSeverity; s++) {
      double x = left + (double) PANEL_W * s / Math.max(1, maxSeverity);
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
              x,
              bottom + 16,
              s));
    }
    for (int t = 0; t <= 4; t++) {
      double v = yMin + (yMax - yMin) * t / 4;
      double y = bottom - PANEL_H * t / 4.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>%n",
              left - 4,
              y + 4,
              v));
    }
    int i = 0;
    for (List<SummaryRow> series : byModel.values()) {
      StringBuilder points = new StringBuilder();
      for (SummaryRow r : series) {
        double x = left + (double) PANEL_W * r.severity() / Math.max(1, maxSeverity);
        double share = (value.applyAsDouble(r) - yMin) / (yMax - yMin);
        double y = bottom - PANEL_H * Math.max(0, Math.min(1, share));
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                x,
                y,
                COLORS[i % COLORS.length]));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
              COLORS[i % COLORS.length],
              points.toString().trim()));
      i++;
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
