package dev.repflow.stitching;

import dev.repflow.markup.Svg;
import dev.repflow.markup.Svg.Anchor;
import java.util.ArrayList;
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

  static String svg(String title, List<RankCurve> lines) {
    int maxRank = 1;
    for (RankCurve line : lines) {
      for (int r : line.ranks()) {
        maxRank = Math.max(maxRank, r);
      }
    }
    double xMax = Math.max(1, Math.log(maxRank) / Math.log(2));
    Svg svg = Svg.sized(W, H, 12).text(LEFT, 18, Anchor.START, 14, title);
    int plotW = W - LEFT - RIGHT;
    int plotH = H - TOP - BOTTOM;
    for (int i = 0; i <= 10; i += 2) {
      double y = TOP + plotH * (1 - i / 10.0);
      svg.line(LEFT, y, LEFT + plotW, y, "#ddd", 2)
          .text(LEFT - 35, y + 4, Anchor.START, String.format(Locale.ROOT, "%.1f", i / 10.0));
    }
    for (int p = 0; p <= (int) Math.ceil(xMax); p++) {
      double x = LEFT + plotW * p / xMax;
      if (x <= LEFT + plotW + 1) {
        svg.line(x, TOP, x, TOP + plotH, "#eee", 2)
            .text(x - 8, TOP + plotH + 18, Anchor.START, String.valueOf(1 << p));
      }
    }
    svg.text(LEFT + plotW / 2.0 - 60, H - 12, Anchor.START, "retained rank (log2)");
    svg.text(8, TOP + plotH / 2.0, Anchor.START, "acc");
    for (int k = 0; k < lines.size(); k++) {
      RankCurve l = lines.get(k);
      String colour = COLOURS[k % COLOURS.length];
      List<Svg.Point> points = new ArrayList<>();
      for (int i = 0; i < l.ranks().size(); i++) {
        double x = LEFT + plotW * (Math.log(l.ranks().get(i)) / Math.log(2)) / xMax;
        points.add(new Svg.Point(x, TOP + plotH * (1 - l.values().get(i))));
      }
      svg.polyline(points, colour, 2);
      double ly = TOP + 14 + 16 * k;
      svg.line(W - RIGHT + 10, ly - 4, W - RIGHT + 30, ly - 4, colour, 2)
          .text(W - RIGHT + 35, ly, Anchor.START, l.name());
    }
    return svg.close();
  }
}
