package dev.repflow.imprinting;

import java.util.List;
import java.util.Locale;

/**
 * Renders a critical-difference diagram as SVG: a rank axis, each method hooked to its average rank
 * (best half labelled on the left, the rest on the right), and one thick bar per clique of methods
 * with no significant difference, from its best to its worst member (as IMPRINT's {@code
 * graph_ranks}; a maximal clique need not be consecutive in rank).
 */
final class CdDiagramSvg {
  private static final int WIDTH = 1200;
  private static final int AXIS_LEFT = 340;
  private static final int AXIS_RIGHT = 860;
  private static final int AXIS_Y = 60;
  private static final int ROW = 22;

  private CdDiagramSvg() {}

  static String render(CriticalDifference cd, String title) {
    List<String> names = cd.names();
    int k = names.size();
    int half = (k + 1) / 2;
    List<List<Integer>> cliques = cd.cliques().cliques();
    int cliqueRows = cliques.size();
    int height = AXIS_Y + 30 + 8 * cliqueRows + ROW * half + 30;
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
            WIDTH,
            height));
    s.append(text(WIDTH / 2.0, 18, "middle", escape(title)));
    line(s, AXIS_LEFT, AXIS_Y, AXIS_RIGHT, AXIS_Y, 1.5);
    for (int r = 1; r <= k; r++) {
      double x = x(r, k);
      line(s, x, AXIS_Y - 6, x, AXIS_Y, 1);
      s.append(text(x, AXIS_Y - 10, "middle", Integer.toString(r)));
    }
    int base = AXIS_Y + 20 + 8 * cliqueRows;
    for (int i = 0; i < k; i++) {
      double x = x(cd.averageRanks()[i], k);
      boolean left = i < half;
      int y = base + ROW * (left ? i : k - 1 - i);
      double end = left ? AXIS_LEFT - 10 : AXIS_RIGHT + 10;
      line(s, x, AXIS_Y, x, y, 1);
      line(s, x, y, end, y, 1);
      String label =
          String.format(Locale.ROOT, "%s (%.2f)", escape(names.get(i)), cd.averageRanks()[i]);
      s.append(text(left ? end - 4 : end + 4, y + 4, left ? "end" : "start", label));
    }
    for (int c = 0; c < cliqueRows; c++) {
      List<Integer> clique = cliques.get(c);
      double from = x(cd.averageRanks()[clique.get(0)], k) - 3;
      double to = x(cd.averageRanks()[clique.get(clique.size() - 1)], k) + 3;
      int y = AXIS_Y + 14 + 8 * c;
      line(s, from, y, to, y, 4);
    }
    return s.append("</svg>\n").toString();
  }

  private static double x(double rank, int k) {
    return AXIS_LEFT + (rank - 1) / Math.max(1, k - 1) * (AXIS_RIGHT - AXIS_LEFT);
  }

  private static void line(StringBuilder s, double x1, double y1, double x2, double y2, double w) {
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\""
                + " stroke-width=\"%.1f\"/>%n",
            x1,
            y1,
            x2,
            y2,
            w));
  }

  private static String text(double x, double y, String anchor, String body) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n",
        x,
        y,
        anchor,
        body);
  }

  private static String escape(String v) {
    return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
