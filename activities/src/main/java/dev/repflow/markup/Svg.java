package dev.repflow.markup;

import java.util.List;
import java.util.Locale;

/**
 * Writes one plain SVG 1.1 drawing (no scripts, so pages stay self-contained), element by element.
 * Text is escaped and every coordinate, width and radius is written with one decimal, so all of
 * repflow's plots share one format. Charts decide the layout; this class only writes it.
 */
public final class Svg {
  /** Where a text sits relative to its x. */
  public enum Anchor {
    START,
    MIDDLE,
    END;

    private String attribute() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A point of a polyline, in drawing coordinates. */
  public record Point(double x, double y) {}

  private final StringBuilder out = new StringBuilder();

  private Svg(int width, int height, int fontSize, boolean scalable) {
    out.append(
        f(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\"%s"
                + " font-family=\"sans-serif\" font-size=\"%d\">\n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
            width, height, scalable ? f(" viewBox=\"0 0 %d %d\"", width, height) : "", fontSize));
  }

  /** A drawing of {@code width} x {@code height} pixels on white, text at {@code fontSize}. */
  public static Svg sized(int width, int height, int fontSize) {
    return new Svg(width, height, fontSize, false);
  }

  /** As {@link #sized}, with a view box so that a page may scale it. */
  public static Svg scalable(int width, int height, int fontSize) {
    return new Svg(width, height, fontSize, true);
  }

  public Svg text(double x, double y, Anchor anchor, String text) {
    return append(
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>\n",
        x, y, anchor.attribute(), Markup.escape(text));
  }

  /** Text in another size than the drawing's, e.g. a title. */
  public Svg text(double x, double y, Anchor anchor, int fontSize, String text) {
    return append(
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>\n",
        x, y, anchor.attribute(), fontSize, Markup.escape(text));
  }

  /** Text read bottom to top, centred on (x, y): a y axis label. */
  public Svg verticalText(double x, double y, String text) {
    return append(
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\">"
            + "%s</text>\n",
        x, y, x, y, Markup.escape(text));
  }

  /** A line one pixel wide. */
  public Svg line(double x1, double y1, double x2, double y2, String stroke) {
    return append(
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>\n",
        x1, y1, x2, y2, stroke);
  }

  public Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
    return append(
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>\n",
        x1, y1, x2, y2, stroke, width);
  }

  /** An unfilled rectangle, e.g. a plot's frame. */
  public Svg frame(double x, double y, double width, double height, String stroke) {
    return append(
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"%s\"/>\n",
        x, y, width, height, stroke);
  }

  public Svg circle(double cx, double cy, double r, String fill) {
    return append("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>\n", cx, cy, r, fill);
  }

  /** A series' line through {@code points}, in order. */
  public Svg polyline(List<Point> points, String stroke, double width) {
    StringBuilder coordinates = new StringBuilder();
    for (Point p : points) {
      coordinates.append(coordinates.isEmpty() ? "" : " ").append(f("%.1f,%.1f", p.x(), p.y()));
    }
    return append(
        "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" points=\"%s\"/>\n",
        stroke, width, coordinates);
  }

  /** The finished document. */
  public String close() {
    return out.append("</svg>\n").toString();
  }

  private Svg append(String format, Object... args) {
    out.append(f(format, args));
    return this;
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
