package dev.repflow.sweep;

import java.util.List;

/**
 * Output of {@link SweepWorkflow}.
 *
 * @param workflowType type of every point's run
 * @param points every point's outcome, in point order
 * @param groups mean and std per group; empty when the report step failed
 * @param report URI of the sweep's HTML report; null when the report step failed
 */
public record SweepResult(
    String pipeline,
    String workflowType,
    List<PointOutcome> points,
    List<GroupSummary> groups,
    String report) {}
