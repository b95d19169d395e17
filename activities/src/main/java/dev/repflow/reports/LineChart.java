package dev.repflow.reports;

import dev.repflow.markup.Svg;
import dev.repflow.markup.Svg.Anchor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SVG line chart writer for reports and the results browser: axes with ticks, a linear or log2
 * x axis, one coloured polyline with markers per series, and a legend. Plain SVG 1.1 with no
 * scripts, so pages stay self-contained.
 */
public final class LineChart {
  private static final String[] COLOURS = {
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf"
  };
  private static final int PLOT_W = 460;
  private static final int PLOT_H = 280;
  private static final int LEFT = 56;
  private static final int TOP = 32;
  private static final int LEGEND_W = 260;
  private static final String GRID = "#e6e6e6";

  private LineChart() {}

  /** Draws {@code series}; with {@code logX} the x axis is log2 (all x must be positive). */
  public static String svg(
      String title, String xLabel, String yLabel, boolean logX, List<PlotSeries> series) {
    double[] xs = range(series, true, logX);
    double[] ys = range(series, false, false);
    int width = LEFT + PLOT_W + 24 + LEGEND_W;
    int height = Math.max(TOP + PLOT_H + 48, TOP + 16 * series.size() + 8);
    Svg svg = Svg.scalable(width, height, 11).text(LEFT, 18, Anchor.START, 13, title);
    svg.frame(LEFT, TOP, PLOT_W, PLOT_H, "#999");
    for (double t : ticks(ys[0], ys[1])) {
      double y = yPos(t, ys);
      svg.line(LEFT, y, LEFT + PLOT_W, y, GRID).text(LEFT - 4, y + 4, Anchor.END, label(t));
    }
    for (double t : logX ? log2Ticks(xs) : ticks(xs[0], xs[1])) {
      double x = xPos(logX ? log2(t) : t, xs);
      svg.line(x, TOP, x, TOP + PLOT_H, GRID).text(x, TOP + PLOT_H + 14, Anchor.MIDDLE, label(t));
    }
    svg.text(
        LEFT + PLOT_W / 2.0, TOP + PLOT_H + 32, Anchor.MIDDLE, xLabel + (logX ? " (log2)" : ""));
    svg.verticalText(14, TOP + PLOT_H / 2.0, yLabel);
    for (int k = 0; k < series.size(); k++) {
      PlotSeries s = series.get(k);
      String colour = COLOURS[k % COLOURS.length];
      List<Svg.Point> points = new ArrayList<>();
      for (int i = 0; i < s.x().size(); i++) {
        double x = xPos(logX ? log2(s.x().get(i)) : s.x().get(i), xs);
        double y = yPos(s.y().get(i), ys);
        if (Double.isFinite(x) && Double.isFinite(y)) {
          points.add(new Svg.Point(x, y));
          svg.circle(x, y, 2.5, colour);
        }
      }
      svg.polyline(points, colour, 2);
      double ly = TOP + 10 + 16 * k;
      int lx = LEFT + PLOT_W + 24;
      svg.line(lx, ly - 4, lx + 20, ly - 4, colour, 2).text(lx + 26, ly, Anchor.START, s.name());
    }
    return svg.close();
  }

  /** [min, max] of x or y over all series, widened when flat; x in log2 when {@code log}. */
  private static double[] range(List<PlotSeries> series, boolean x, boolean log) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (PlotSeries s : series) {
      for (double v : x ? s.x() : s.y()) {
        double w = log ? log2(v) : v;
        if (Double.isFinite(w)) {
          min = Math.min(min, w);
          max = Math.max(max, w);
        }
      }
    }
    if (min > max) {
      return new double[] {0, 1};
    }
    if (min == max) {
      return new double[] {min - 0.5, max + 0.5};
    }
    return new double[] {min, max};
  }

  private static double xPos(double v, double[] range) {
    return LEFT + PLOT_W * (v - range[0]) / (range[1] - range[0]);
  }

  private static double yPos(double v, double[] range) {
    return TOP + PLOT_H * (1 - (v - range[0]) / (range[1] - range[0]));
  }

  /** About five round ticks within [lo, hi]. */
  static List<Double> ticks(double lo, double hi) {
    double step = Math.pow(10, Math.floor(Math.log10((hi - lo) / 5)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if ((hi - lo) / (step * m) <= 6) {
        step *= m;
        break;
      }
    }
    List<Double> ticks = new ArrayList<>();
    for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
      ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
    }
    return ticks;
  }

  private static List<Double> log2Ticks(double[] range) {
    List<Double> ticks = new ArrayList<>();
    for (int p = (int) Math.ceil(range[0]); p <= Math.floor(range[1]); p++) {
      ticks.add(Math.pow(2, p));
    }
    return ticks;
  }

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }

  private static String label(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9
        ? String.valueOf((long) v)
        : String.format(Locale.ROOT, "%.3g", v);
  }
}
