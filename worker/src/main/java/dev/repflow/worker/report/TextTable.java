package dev.repflow.worker.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns: text left-aligned, numbers right-aligned. */
public final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(String... header) {
    this.header = List.of(header);
  }

  public TextTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, header has " + header.size());
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(
          cell instanceof Double d
              ? String.format(java.util.Locale.ROOT, "%.4f", d)
              : String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  public void print(PrintWriter out) {
    int[] widths = new int[header.size()];
    boolean[] numeric = new boolean[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      numeric[c] = !rows.isEmpty();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
        numeric[c] &= row.get(c).matches("-?[0-9.]+");
      }
    }
    printRow(out, header, widths, numeric);
    for (List<String> row : rows) {
      printRow(out, row, widths, numeric);
    }
    out.flush();
  }

  private static void printRow(
      PrintWriter out, List<String> cells, int[] widths, boolean[] numeric) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String format = numeric[c] ? "%" + widths[c] + "s" : "%-" + widths[c] + "s";
      line.append(c == 0 ? "" : "  ").append(String.format(format, cells.get(c)));
    }
    out.println(line.toString().stripTrailing());
  }
}
