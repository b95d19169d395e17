package dev.repflow.reports;

import java.util.List;
import java.util.Map;

/**
 * One point of a sweep with the metrics of its run.
 *
 * @param error why the run failed or has no report; null when it completed
 */
public record SweepPointData(
    int index,
    String workflowId,
    String group,
    Map<String, Object> params,
    String error,
    List<Metric> metrics) {}
