package dev.repflow.stitching;

/**
 * Test accuracy of a stitched network fitted one way.
 *
 * @param method {@code direct}, {@code direct-r8} (front truncated to rank 8 for the fit), {@code
 *     task-random}, {@code task-direct}
 * @param oodFlagged share of stitched test activations the end layer's energy detector flags as
 *     out-of-distribution; null without a detector
 */
public record MethodScore(String method, double accuracy, Double oodFlagged) {}
