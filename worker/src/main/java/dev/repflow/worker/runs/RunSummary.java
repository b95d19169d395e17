package dev.repflow.worker.runs;

import dev.repflow.reports.Metric;
import java.util.List;

/**
 * One run as a list shows it.
 *
 * @param runId Temporal run id; null for a run known only from its stored report
 * @param workflowType e.g. {@code TransferEvalWorkflow} or {@code SweepWorkflow}
 * @param pipeline config name of the pipeline (of the points, for a sweep)
 * @param status Temporal's status ({@code RUNNING}, {@code COMPLETED}, {@code FAILED}, ...), or
 *     {@code STORED} for a run whose Temporal server no longer knows it but whose report is in S3
 * @param started ISO-8601 start time, when known
 * @param closed ISO-8601 close time (for a stored run: when its report was written)
 * @param stage the {@code RepflowStage} search attribute of a running run, when set
 * @param headline the run's headline metrics (empty until its report is written)
 * @param report URI of its {@code report.html}, when written
 * @param sweep the sweep this run is a point of, or null
 * @param summary the run's static summary, when set
 */
public record RunSummary(
    String workflowId,
    String runId,
    String workflowType,
    String pipeline,
    String experiment,
    String status,
    String started,
    String closed,
    String stage,
    List<Metric> headline,
    String report,
    String sweep,
    String summary) {
  public static final String STORED = "STORED";

  public RunSummary {
    headline = headline == null ? List.of() : List.copyOf(headline);
  }

  public boolean running() {
    return status.equals("RUNNING");
  }

  /** The first headline metric as {@code name = value}, or "" when there is none. */
  public String headlineText() {
    return headline.isEmpty()
        ? ""
        : String.format(
            java.util.Locale.ROOT, "%s = %.4f", headline.get(0).name(), headline.get(0).value());
  }
}
