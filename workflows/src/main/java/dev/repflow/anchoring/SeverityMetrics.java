package dev.repflow.anchoring;

/**
 * Metrics of one model on one corruption at one severity (0 = clean test set).
 *
 * @param images test images evaluated
 * @param accuracy top-1 accuracy of the (anchor-averaged) prediction
 * @param ece expected calibration error (L1) over {@code eceBins} equal-width confidence bins
 * @param eceBins the bin count of {@code ece}; an ECE figure means little without it
 * @param nll mean negative log-likelihood of the true class
 * @param uncertainty mean spread across anchors: mean over classes of the standard deviation over
 *     anchors of sigmoid(logit) (0 for one anchor or a standard model)
 */
public record SeverityMetrics(
    int severity,
    int images,
    double accuracy,
    double ece,
    int eceBins,
    double nll,
    double uncertainty) {}
