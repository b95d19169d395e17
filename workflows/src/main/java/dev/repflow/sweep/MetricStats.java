package dev.repflow.sweep;

/**
 * One metric over the points of a group.
 *
 * @param n points that reported it
 * @param std sample standard deviation (n - 1); 0 for a single point
 */
public record MetricStats(String name, int n, double mean, double std, double min, double max) {}
