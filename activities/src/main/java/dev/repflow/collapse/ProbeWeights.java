package dev.repflow.collapse;

import java.util.List;

/**
 * JSON body of a fitted probe.
 *
 * @param classes class ids of the rows, sorted
 * @param weights {@code [K, D]}
 * @param bias {@code [K]}
 */
record ProbeWeights(
    List<Integer> classes, double[][] weights, double[] bias, double trainAccuracy) {}
