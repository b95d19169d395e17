package dev.repflow.stitching;

import java.util.List;
import java.util.Locale;

/** A small SVG line chart of accuracy (0..1) against retained rank on a log2 axis. */
final class RankPlot {
  private static final String[] COLOURS = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"
  };
  private static final int W = 720;
  private static final int H = 420;
  private static final int LEFT = 60;
  private static final int RIGHT = 230;
  private static final int TOP = 30;
  private static final int BOTTOM = 50;

  private RankPlot() {}

  /** One line: {@code ranks} and {@code values} of equal length. */
  record Line(String name, List<Integer> ranks, List<Double> values) {}

  static String svg(String title, List<Line> lines) {
    int maxRank = 1;
    for (Line line : lines) {
      for (int r : line.ranks()) {
        maxRank = Math.max(maxRank, r);
      }
    }
    double xMax = Math.max(1, Math.log(maxRank) / Math.log(2));
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                + "<text x=\"%d\" y=\"18\" font-size=\"14\">%s</text>%n",
            W,
            H,
            LEFT,
            escape(title)));
    int plotW = W - LEFT - RIGHT;
    int plotH = H - TOP - BOTTOM;
    for (int i = 0; i <= 10; i += 2) {
      double y = TOP + plotH * (1 - i / 10.0);
      s.append(line(LEFT, y, LEFT + plotW, y, "#ddd"));
      s.append(text(LEFT - 35, y + 4, String.format(Locale.ROOT, "%.1f", i / 10.0)));
    }
    for (int p = 0; p <= (int) Math.ceil(xMax); p++) {
      double x = LEFT + plotW * p / xMax;
      if (x <= LEFT + plotW + 1) {
        s.append(line(x, TOP, x, TOP + plotH, "#eee"));
        s.append(text(x - 8, TOP + plotH + 18, String.valueOf(1 << p)));
      }
    }
    s.append(text(LEFT + plotW / 2.0 - 60, H - 12, "retained rank (log2)"));
    s.append(text(8, TOP + plotH / 2.0, "acc"));
    for (int k = 0; k < lines.size(); k++) {
      Line l = lines.get(k);
      String colour = COLOURS[k % COLOURS.length];
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < l.ranks().size(); i++) {
        double x = LEFT + plotW * (Math.log(l.ranks().get(i)) / Math.log(2)) / xMax;
        double y = TOP + plotH * (1 - l.values().get(i));
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
              colour,
              points.toString().trim()));
      double ly = TOP + 14 + 16 * k;
      s.append(line(W - RIGHT + 10, ly - 4, W - RIGHT + 30, ly - 4, colour));
      s.append(text(W - RIGHT + 35, ly, l.name()));
    }
    return s.append("</svg>\n").toString();
  }

  private static String line(double x1, double y1, double x2, double y2, String colour) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>%n",
        x1,
        y1,
        x2,
        y2,
        colour);
  }

  private static String text(double x, double y, String text) {
    return String.format(
        Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", x, y, escape(text));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
