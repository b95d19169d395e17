package dev.repflow.worker.ui;

import dev.repflow.reports.Html;

/** The frame every browser page shares: navigation and the common stylesheet. */
final class Pages {
  private Pages() {}

  static String frame(String title, String head, String body) {
    return Html.page(
        title + " · repflow",
        head,
        "<header><a href=\"/\"><b>repflow</b> results</a><a href=\"/\">runs</a></header>\n<main>\n"
            + body
            + "\n</main>");
  }

  /** Link to a run's page. */
  static String runLink(String workflowId) {
    return "<a href=\"/runs/"
        + Html.escape(
            java.net.URLEncoder.encode(workflowId, java.nio.charset.StandardCharsets.UTF_8))
        + "\">"
        + Html.escape(workflowId)
        + "</a>";
  }

  static String status(String status) {
    return "<span class=\"status-" + Html.escape(status) + "\">" + Html.escape(status) + "</span>";
  }

  static String error(String title, String message) {
    return frame(
        title, "", "<h1>" + Html.escape(title) + "</h1><p>" + Html.escape(message) + "</p>");
  }
}
