package dev.repflow.imprinting;

import java.util.List;

/**
 * One method of the critical-difference comparison.
 *
 * @param accuracies per task, in task order: the median over the method's seeds
 * @param averageRank mean over tasks of the method's rank among the compared methods (1 = best;
 *     tied methods share a rank and the next one follows without a gap, as IMPRINT's analysis)
 */
public record RankedMethod(
    String id, List<Double> accuracies, double meanAccuracy, double averageRank) {}
