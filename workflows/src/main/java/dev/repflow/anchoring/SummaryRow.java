package dev.repflow.anchoring;

/**
 * One cell of the result table: a model at one severity, averaged over corruptions (severity 0 is
 * the clean test set).
 */
public record SummaryRow(
    String model,
    int severity,
    int corruptions,
    double accuracy,
    double ece,
    int eceBins,
    double nll,
    double uncertainty) {}
