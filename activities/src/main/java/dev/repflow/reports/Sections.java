package dev.repflow.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a {@link RunLayout} fills in: sentences, tables, metrics, headline, plots. */
public final class Sections {
  final List<String> lines = new ArrayList<>();
  private final List<Table> tables = new ArrayList<>();
  final List<Metric> metrics = new ArrayList<>();
  final List<Metric> headline = new ArrayList<>();
  final List<ReportPlot> plots = new ArrayList<>();

  /** A sentence above the tables. */
  public Sections line(String format, Object... args) {
    lines.add(String.format(Locale.ROOT, format, args));
    return this;
  }

  /** Starts a table; add rows to the returned builder. */
  public Table table(String title, String note, String... columns) {
    Table table = new Table(title, note, List.of(columns));
    tables.add(table);
    return table;
  }

  /** The tables in the order they were started. */
  List<ReportTable> tables() {
    return tables.stream().map(Table::build).toList();
  }

  public Sections metric(String name, double value) {
    metrics.add(new Metric(name, value));
    return this;
  }

  /** A metric that run lists show; also one of the run's metrics. */
  public Sections headline(String name, double value) {
    headline.add(new Metric(name, value));
    return metric(name, value);
  }

  public Sections plot(ReportPlot plot) {
    plots.add(plot);
    return this;
  }

  /** Formats a cell: doubles with four decimals, null as "-". */
  public static String cell(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof Double d) {
      return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.4f", d);
    }
    return String.valueOf(value);
  }

  /** The numbers behind line plots: one row per point. */
  public static ReportTable seriesTable(String title, List<PlotSeries> series) {
    List<List<String>> rows = new ArrayList<>();
    for (PlotSeries s : series) {
      for (int i = 0; i < s.x().size(); i++) {
        rows.add(List.of(s.name(), num(s.x().get(i)), num(s.y().get(i))));
      }
    }
    return new ReportTable(title, "", List.of("series", "x", "y"), rows);
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.valueOf((long) v)
        : String.format(Locale.ROOT, "%.6g", v);
  }

  /** A table being filled. */
  public static final class Table {
    private final String title;
    private final String note;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(String title, String note, List<String> columns) {
      this.title = title;
      this.note = note;
      this.columns = columns;
    }

    public Table row(Object... cells) {
      rows.add(Arrays.stream(cells).map(Sections::cell).toList());
      return this;
    }

    public Table row(List<?> cells) {
      return row(cells.toArray());
    }

    private ReportTable build() {
      return new ReportTable(title, note, columns, rows);
    }
  }
}
