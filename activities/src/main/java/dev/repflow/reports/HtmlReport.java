package dev.repflow.reports;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report page of a run: one self-contained HTML file (inline CSS and SVG, CSV as data links),
 * readable offline and as an e-mail attachment.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * @param specJson the run's spec, pretty-printed
   * @param svgs SVG text per plot name
   */
  public static String render(RunDocument doc, String specJson, Map<String, String> svgs) {
    StringBuilder body = new StringBuilder();
    body.append("<header><b>repflow</b> run report</header>\n<main>\n");
    body.append("<h1>")
        .append(Html.escape(doc.pipeline()))
        .append(doc.sweep() == null ? "" : " sweep")
        .append(" · ")
        .append(Html.escape(doc.workflowId()))
        .append("</h1>\n");
    body.append("<p class=\"muted\">")
        .append(Html.escape(doc.workflowType()))
        .append(" · experiment <code>")
        .append(Html.escape(doc.experiment()))
        .append("</code> · written ")
        .append(Html.escape(doc.written()))
        .append(" · ")
        .append(Html.escape(doc.codeVersion()))
        .append("</p>\n");
    body.append(cards(doc.headline()));
    doc.lines().forEach(l -> body.append("<p>").append(Html.escape(l)).append("</p>\n"));
    if (doc.sweep() != null) {
      body.append(Html.table(SweepTables.groups(doc.sweep())));
      List<String> shown = doc.headline().stream().map(Metric::name).toList();
      body.append(Html.table(SweepTables.points(doc.sweep(), shown)));
    }
    doc.tables().forEach(t -> body.append(Html.table(t)));
    if (!doc.plots().isEmpty()) {
      body.append("<h2>Plots</h2>\n");
      for (ReportPlot plot : doc.plots()) {
        body.append(figure(plot, svgs.get(plot.name())));
      }
    }
    body.append("<h2>Config</h2>\n<pre>").append(Html.escape(specJson)).append("</pre>\n");
    body.append(lineage(doc.artifacts()));
    body.append(timings(doc.timings()));
    body.append("</main>");
    return Html.page("repflow " + doc.workflowId(), "", body.toString());
  }

  /** Headline metrics as cards. */
  public static String cards(List<Metric> headline) {
    if (headline.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<div class=\"cards\">");
    for (Metric m : headline) {
      html.append("<div class=\"card\"><b>")
          .append(Html.escape(Sections.cell(m.value())))
          .append("</b>")
          .append(Html.escape(m.name()))
          .append("</div>");
    }
    return html.append("</div>\n").toString();
  }

  /** A plot with its caption and a link to its data as CSV. */
  public static String figure(ReportPlot plot, String svg) {
    String csv = Csv.of(plot.data());
    return "<figure>"
        + Html.inlineSvg(svg)
        + "<figcaption>"
        + Html.escape(plot.title())
        + " · <a download=\""
        + plot.csvFile()
        + "\" href=\"data:text/csv;charset=utf-8,"
        + URLEncoder.encode(csv, StandardCharsets.UTF_8).replace("+", "%20")
        + "\">data (CSV)</a></figcaption></figure>\n";
  }

  private static String lineage(List<Lineage> artifacts) {
    List<List<String>> rows = new ArrayList<>();
    for (Lineage a : artifacts) {
      rows.add(
          List.of(
              a.name(),
              a.uri(),
              a.sha256(),
              String.valueOf(a.bytes()),
              a.shape().isEmpty() ? "" : a.shape().toString()));
    }
    return Html.table(
        new ReportTable(
            "Lineage",
            "every artifact the result refers to; readers verify the sha256",
            List.of("artifact", "uri", "sha256", "bytes", "shape"),
            rows));
  }

  private static String timings(Timings timings) {
    if (timings == null) {
      return "<h2>Timings</h2><p class=\"muted\">The run's history was not readable.</p>";
    }
    List<List<String>> rows = new ArrayList<>();
    for (StepTiming s : timings.steps()) {
      rows.add(
          List.of(
              s.summary(),
              s.activity(),
              String.valueOf(s.attempts()),
              String.format(Locale.ROOT, "%.1f", s.seconds()),
              s.outcome()));
    }
    return Html.table(
        new ReportTable(
            "Timings",
            String.format(
                Locale.ROOT,
                "%.1f s from start to report, %.1f s with at least one activity running;"
                    + " seconds are those of each step's last attempt",
                timings.wallSeconds(),
                timings.activitySeconds()),
            List.of("step", "activity", "attempts", "seconds", "outcome"),
            rows));
  }
}
