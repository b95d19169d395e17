package dev.repflow.anchoring;

/**
 * Metrics of one model on one corruption at one severity (0 = clean test set).
 *
 * @param images test images evaluated
 * @param accuracy top-1 accuracy of the (anchor-averaged) prediction
 * @param ece expected calibration error, equal-width confidence bins
 * @param nll mean negative log-likelihood of the true class
 * @param uncertainty mean spread across anchors (0 for one anchor or a standard model)
 */
public record SeverityMetrics(
    int severity, int images, double accuracy, double ece, double nll, double uncertainty) {}
