package dev.repflow.reports;

import java.util.List;

/**
 * A table of a report, cells already formatted (numbers with four decimals).
 *
 * @param title caption above the table
 * @param note one line under the title (how it was measured); may be empty
 */
public record ReportTable(
    String title, String note, List<String> columns, List<List<String>> rows) {
  public ReportTable {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            title + ": row has " + row.size() + " cells, header has " + columns.size());
      }
    }
  }
}
