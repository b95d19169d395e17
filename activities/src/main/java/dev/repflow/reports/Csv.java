package dev.repflow.reports;

import java.util.List;

/** CSV text of a table (RFC 4180 quoting), the data file written beside every plot. */
public final class Csv {
  private Csv() {}

  public static String of(ReportTable table) {
    StringBuilder csv = new StringBuilder();
    line(csv, table.columns());
    table.rows().forEach(row -> line(csv, row));
    return csv.toString();
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      if (i > 0) {
        csv.append(',');
      }
      if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
        csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        csv.append(cell);
      }
    }
    csv.append("\r\n");
  }
}
