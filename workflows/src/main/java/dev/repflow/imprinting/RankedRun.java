package dev.repflow.imprinting;

import java.util.List;

/**
 * One run of the critical-difference comparison.
 *
 * @param accuracies one per task, in task order
 * @param averageRank mean rank over tasks among the compared runs (1 = best)
 */
public record RankedRun(
    String id, List<Double> accuracies, double meanAccuracy, double averageRank) {}
