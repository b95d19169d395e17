package dev.repflow.worker.ui;

import dev.repflow.reports.Html;
import dev.repflow.worker.runs.RunSummary;
import java.util.List;

/** The run list: pick runs of one pipeline and compare them. */
final class ListPage {
  private ListPage() {}

  static String render(List<RunSummary> runs, String source) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>Runs</h1><p class=\"muted\">")
        .append(Html.escape(source))
        .append(" · tick runs of one pipeline and compare them</p>\n");
    body.append("<form action=\"/compare\" method=\"get\">\n<table id=\"runs\"><thead><tr>");
    for (String h :
        List.of("", "run", "pipeline", "experiment", "status", "stage", "headline", "time")) {
      body.append("<th>").append(h).append("</th>");
    }
    body.append("</tr></thead><tbody>\n");
    for (RunSummary r : runs) {
      boolean sweep = r.workflowType().equals("SweepWorkflow");
      body.append("<tr data-run=\"")
          .append(Html.escape(r.workflowId()))
          .append("\">")
          .append("<td><input type=\"checkbox\" name=\"id\" value=\"")
          .append(Html.escape(r.workflowId()))
          .append("\"></td><td>")
          .append(Pages.runLink(r.workflowId()))
          .append(
              r.sweep() == null
                  ? ""
                  : " <span class=\"muted\">point of " + Html.escape(r.sweep()) + "</span>")
          .append("</td><td>")
          .append(Html.escape(r.pipeline() == null ? "?" : r.pipeline()))
          .append(sweep ? " (sweep)" : "")
          .append("</td><td>")
          .append(Html.escape(r.experiment()))
          .append("</td><td>")
          .append(Pages.status(r.status()))
          .append("</td><td>")
          .append(Html.escape(r.stage()))
          .append("</td><td class=\"headline\">")
          .append(Html.escape(r.headlineText()))
          .append("</td><td>")
          .append(Html.escape(r.started() != null ? r.started() : r.closed()))
          .append("</td></tr>\n");
    }
    body.append("</tbody></table>\n<button type=\"submit\">Compare selected</button></form>");
    if (runs.isEmpty()) {
      body.append("<p>No runs yet. Start one with <code>repflow run CONFIG</code>.</p>");
    }
    return Pages.frame("Runs", "", body.toString());
  }
}
