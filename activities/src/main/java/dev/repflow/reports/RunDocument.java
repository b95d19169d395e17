package dev.repflow.reports;

import java.util.List;

/**
 * Everything a report shows, as stored in {@code run.json} beside {@code report.html}: what the
 * results browser lists, compares and overlays without Temporal's history.
 *
 * @param format layout version of this document
 * @param workflowType e.g. {@code TransferEvalWorkflow}, or {@code SweepWorkflow}
 * @param pipeline config name of the pipeline (of the points, for a sweep)
 * @param written when the report was written (ISO-8601, UTC)
 * @param codeVersion repflow build that wrote it and the CPU numerics profile
 * @param spec the run's spec as JSON
 * @param headline the few metrics a run list shows
 * @param metrics every named number, for comparisons and sweeps
 * @param lines short sentences above the tables (what was trained, on which classes)
 * @param artifacts every artifact reference in the result, with its sha256
 * @param timings null when the history could not be read
 * @param sweep per-group statistics and every point; null unless this is a sweep
 */
public record RunDocument(
    int format,
    String workflowId,
    String workflowType,
    String pipeline,
    String experiment,
    String written,
    String codeVersion,
    Object spec,
    List<Metric> headline,
    List<Metric> metrics,
    List<String> lines,
    List<ReportTable> tables,
    List<ReportPlot> plots,
    List<Lineage> artifacts,
    Timings timings,
    SweepData sweep) {
  public static final int FORMAT = 1;
}
