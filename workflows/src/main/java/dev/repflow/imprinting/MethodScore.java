package dev.repflow.imprinting;

import java.util.List;

/**
 * A method's accuracy on each task, in task order: the median over its seeds (IMPRINT's analysis
 * aggregates seeds by the median).
 */
public record MethodScore(String id, List<Double> accuracies, double meanAccuracy) {}
