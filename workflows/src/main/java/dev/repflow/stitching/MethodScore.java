package dev.repflow.stitching;

/**
 * Test accuracy of a stitched network fitted one way, and how g's energy OOD detector sees its
 * stitched activations.
 *
 * @param method {@code direct}, {@code direct-r8} (front truncated to rank 8 for the fit), {@code
 *     task-random}, {@code task-direct}
 * @param oodAuroc AUROC of g's detector separating g's own test activations (ID) from the stitched
 *     ones (OOD), energy as the score; 0.5 = indistinguishable; null without a detector
 * @param oodFpr95 share of stitched activations the detector accepts as ID at 95% TPR on g's own
 *     (the reference's FPR95); null without a detector
 */
public record MethodScore(String method, double accuracy, Double oodAuroc, Double oodFpr95) {}
