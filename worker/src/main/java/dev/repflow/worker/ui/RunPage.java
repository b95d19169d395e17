package dev.repflow.worker.ui;

import dev.repflow.common.PipelineProgress;
import dev.repflow.common.StageStatus;
import dev.repflow.reports.Html;
import dev.repflow.reports.HtmlReport;
import dev.repflow.reports.ReportPlot;
import dev.repflow.reports.ReportTable;
import dev.repflow.reports.RunDocument;
import dev.repflow.reports.SweepPointData;
import dev.repflow.reports.SweepTables;
import dev.repflow.worker.runs.RunSummary;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One run: its state and, while it runs, its stages (the page reloads itself every few seconds);
 * once its report is written, the report's tables and plots.
 */
final class RunPage {
  static final int REFRESH_SECONDS = 3;

  private RunPage() {}

  static String render(RunsView view, RunSummary run) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(Html.escape(run.workflowId())).append("</h1>\n");
    body.append("<p>")
        .append(Pages.status(run.status()))
        .append(" · ")
        .append(Html.escape(run.workflowType()))
        .append(" · pipeline ")
        .append(Html.escape(run.pipeline()))
        .append(" · experiment <code>")
        .append(Html.escape(run.experiment()))
        .append("</code>")
        .append(run.started() == null ? "" : " · started " + Html.escape(run.started()))
        .append(run.closed() == null ? "" : " · closed " + Html.escape(run.closed()))
        .append("</p>\n");
    if (run.summary() != null) {
      body.append("<p class=\"muted\">").append(Html.escape(run.summary())).append("</p>\n");
    }
    if (run.sweep() != null) {
      body.append("<p>Point of sweep ").append(Pages.runLink(run.sweep())).append("</p>\n");
    }
    view.failure(run)
        .ifPresent(
            f -> body.append("<p class=\"status-FAILED\">").append(Html.escape(f)).append("</p>"));
    if (run.running()) {
      body.append(progress(view.progress(run.workflowId()).orElse(null)));
      List<String> now = view.heartbeats(run);
      if (!now.isEmpty()) {
        body.append("<p id=\"heartbeats\">Now: ");
        now.forEach(h -> body.append("<code>").append(Html.escape(h)).append("</code> "));
        body.append("</p>");
      }
    }
    view.document(run).ifPresent(doc -> body.append(report(view, doc)));
    String head =
        run.running() ? "<meta http-equiv=\"refresh\" content=\"" + REFRESH_SECONDS + "\">" : "";
    return Pages.frame(run.workflowId(), head, body.toString());
  }

  private static String progress(PipelineProgress progress) {
    if (progress == null) {
      return "<p class=\"muted\">No worker answered the progress query yet.</p>";
    }
    List<List<String>> rows = new ArrayList<>();
    for (StageStatus s : progress.stages()) {
      rows.add(List.of(s.stage(), s.state().name().toLowerCase(Locale.ROOT), s.detail()));
    }
    return "<h2>Progress</h2><p class=\"note\" id=\"progress\">"
        + progress.finished()
        + " of "
        + progress.stages().size()
        + " stages finished; this page reloads every "
        + REFRESH_SECONDS
        + " s</p>"
        + Html.grid(List.of("stage", "state", "detail"), rows);
  }

  private static String report(RunsView view, RunDocument doc) {
    StringBuilder html = new StringBuilder();
    html.append("<p><a href=\"/runs/")
        .append(URLEncoder.encode(doc.workflowId(), StandardCharsets.UTF_8))
        .append("/report.html\">Full report (self-contained HTML)</a> · written ")
        .append(Html.escape(doc.written()))
        .append("</p>");
    html.append(HtmlReport.cards(doc.headline()));
    doc.lines().forEach(l -> html.append("<p>").append(Html.escape(l)).append("</p>"));
    if (doc.sweep() != null) {
      html.append(Html.table(SweepTables.groups(doc.sweep())));
      html.append(points(doc));
    }
    doc.tables().forEach(t -> html.append(Html.table(t)));
    for (ReportPlot plot : doc.plots()) {
      view.reportFile(doc, plot.svgFile())
          .ifPresent(svg -> html.append(HtmlReport.figure(plot, svg)));
    }
    return html.toString();
  }

  /** Every point with a link to its run. */
  private static String points(RunDocument doc) {
    List<String> shown = doc.headline().stream().map(m -> m.name()).toList();
    ReportTable table = SweepTables.points(doc.sweep(), shown);
    StringBuilder html = new StringBuilder(Html.table(table));
    html.append("<p>Point runs: ");
    for (SweepPointData p : doc.sweep().points()) {
      html.append(Pages.runLink(p.workflowId())).append(' ');
    }
    return html.append("</p>").toString();
  }
}
