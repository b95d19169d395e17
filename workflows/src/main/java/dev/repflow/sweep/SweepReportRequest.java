package dev.repflow.sweep;

import dev.repflow.artifacts.RunContext;
import java.util.List;

/**
 * What a finished sweep hands its report step: the points, where their runs' reports are.
 *
 * @param sweepId the parent workflow id; the report goes under its {@code reports/} folder
 * @param spec the sweep (keys, base spec)
 * @param points every point's outcome, in point order
 */
public record SweepReportRequest(
    String sweepId, RunContext run, SweepSpec spec, List<PointOutcome> points) {}
