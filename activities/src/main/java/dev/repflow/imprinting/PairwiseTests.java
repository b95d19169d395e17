package dev.repflow.imprinting;

import java.util.List;

/**
 * JSON of the post-hoc tests: the compared methods (best average rank first) and every pair's
 * Wilcoxon p-value, Holm-adjusted p-value and decision; no pairs when Friedman did not reject.
 */
record PairwiseTests(List<String> methods, List<CriticalDifference.Pair> pairs, double alpha) {}
