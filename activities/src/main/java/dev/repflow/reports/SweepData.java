package dev.repflow.reports;

import dev.repflow.sweep.GroupSummary;
import java.util.List;

/**
 * The sweep part of a sweep's {@link RunDocument}.
 *
 * @param seedKeys keys averaged over
 * @param valueKeys keys that make the groups
 * @param groups mean +- std of every metric per group
 * @param points every point with its own metrics (empty for a failed point)
 */
public record SweepData(
    List<String> seedKeys,
    List<String> valueKeys,
    List<GroupSummary> groups,
    List<SweepPointData> points) {}
