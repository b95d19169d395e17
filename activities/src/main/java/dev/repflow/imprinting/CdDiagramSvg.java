package dev.repflow.imprinting;

import dev.repflow.markup.Svg;
import dev.repflow.markup.Svg.Anchor;
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
  private static final String INK = "black";

  private CdDiagramSvg() {}

  static String render(CriticalDifference cd, String title) {
    List<String> names = cd.names();
    int k = names.size();
    int half = (k + 1) / 2;
    List<List<Integer>> cliques = cd.cliques().cliques();
    int cliqueRows = cliques.size();
    int height = AXIS_Y + 30 + 8 * cliqueRows + ROW * half + 30;
    Svg svg = Svg.sized(WIDTH, height, 12).text(WIDTH / 2.0, 18, Anchor.MIDDLE, title);
    svg.line(AXIS_LEFT, AXIS_Y, AXIS_RIGHT, AXIS_Y, INK, 1.5);
    for (int r = 1; r <= k; r++) {
      double x = x(r, k);
      svg.line(x, AXIS_Y - 6, x, AXIS_Y, INK, 1)
          .text(x, AXIS_Y - 10, Anchor.MIDDLE, Integer.toString(r));
    }
    int base = AXIS_Y + 20 + 8 * cliqueRows;
    for (int i = 0; i < k; i++) {
      double x = x(cd.averageRanks()[i], k);
      boolean left = i < half;
      int y = base + ROW * (left ? i : k - 1 - i);
      double end = left ? AXIS_LEFT - 10 : AXIS_RIGHT + 10;
      svg.line(x, AXIS_Y, x, y, INK, 1).line(x, y, end, y, INK, 1);
      String label = String.format(Locale.ROOT, "%s (%.2f)", names.get(i), cd.averageRanks()[i]);
      svg.text(left ? end - 4 : end + 4, y + 4, left ? Anchor.END : Anchor.START, label);
    }
    for (int c = 0; c < cliqueRows; c++) {
      List<Integer> clique = cliques.get(c);
      double from = x(cd.averageRanks()[clique.get(0)], k) - 3;
      double to = x(cd.averageRanks()[clique.get(clique.size() - 1)], k) + 3;
      int y = AXIS_Y + 14 + 8 * c;
      svg.line(from, y, to, y, INK, 4);
    }
    return svg.close();
  }

  private static double x(double rank, int k) {
    return AXIS_LEFT + (rank - 1) / Math.max(1, k - 1) * (AXIS_RIGHT - AXIS_LEFT);
  }
}
