package dev.repflow.reports;

import dev.repflow.markup.Markup;
import java.util.List;

/**
 * Small HTML helpers shared by the report page and the results browser: escaping, tables, and the
 * one inline stylesheet (pages work offline and as a single file).
 */
public final class Html {
  /** Inline CSS of every repflow page. */
  public static final String STYLE =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;\
      background:#f6f7f9}
      header{background:#1d2330;color:#fff;padding:12px 24px}
      header a{color:#9cc3ff;text-decoration:none;margin-right:16px}
      main{padding:16px 24px;max-width:1400px}
      h1{font-size:20px;margin:4px 0}h2{font-size:16px;margin:24px 0 6px}
      table{border-collapse:collapse;background:#fff;margin:6px 0 12px}
      th,td{border:1px solid #d8dce3;padding:3px 8px;text-align:left;vertical-align:top}
      th{background:#eef1f5;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
      .note{color:#5b6475;margin:0 0 4px}.muted{color:#7a8293}
      .cards{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
      .card{background:#fff;border:1px solid #d8dce3;border-radius:6px;padding:6px 12px}
      .card b{display:block;font-size:18px}
      .status-COMPLETED{color:#1a7f37}.status-FAILED,.status-TERMINATED,.status-TIMED_OUT{color:#c62828}
      .status-RUNNING{color:#0b5cad}.diff{background:#fff4ce}
      pre{background:#fff;border:1px solid #d8dce3;padding:8px;overflow:auto;max-height:420px}
      figure{background:#fff;border:1px solid #d8dce3;display:inline-block;margin:6px 12px 12px 0;\
      padding:8px}figcaption{font-size:12px;color:#5b6475}
      code{background:#eef1f5;padding:0 3px}
      """;

  private Html() {}

  /** Text safe in an element or an attribute: {@link Markup#escape}, which SVG plots use too. */
  public static String escape(String text) {
    return Markup.escape(text);
  }

  /** A whole page: {@code head} may add elements (e.g. a refresh), {@code body} is trusted HTML. */
  public static String page(String title, String head, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + "</title><style>"
        + STYLE
        + "</style>"
        + head
        + "</head>\n<body>\n"
        + body
        + "\n</body></html>\n";
  }

  /** A report table with its caption; cells that look like numbers are right-aligned. */
  public static String table(ReportTable table) {
    StringBuilder html = new StringBuilder();
    html.append("<h2>").append(escape(table.title())).append("</h2>");
    if (!table.note().isBlank()) {
      html.append("<p class=\"note\">").append(escape(table.note())).append("</p>");
    }
    return html.append(grid(table.columns(), table.rows())).toString();
  }

  /** A plain table of escaped text. */
  public static String grid(List<String> columns, List<List<String>> rows) {
    StringBuilder html = new StringBuilder("<table><thead><tr>");
    columns.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
    html.append("</tr></thead><tbody>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      row.forEach(cell -> html.append(cell(cell)));
      html.append("</tr>\n");
    }
    return html.append("</tbody></table>\n").toString();
  }

  /** One escaped cell; numbers (also "0.91+-0.02") are right-aligned. */
  public static String cell(String text) {
    boolean number =
        text != null && text.matches("-?[0-9.eE+-]+( ?(\\+-|±) ?[0-9.eE+-]+)?( \\(n=\\d+\\))?");
    return (number ? "<td class=\"num\">" : "<td>") + escape(text) + "</td>";
  }

  /** The SVG text without an XML declaration, so it can sit inline in a page. */
  public static String inlineSvg(String svg) {
    String trimmed = svg.strip();
    return trimmed.startsWith("<?xml") ? trimmed.substring(trimmed.indexOf("?>") + 2) : trimmed;
  }
}
