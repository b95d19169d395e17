package dev.repflow.collapse;

/** The streaming statistics a pass over a feature file accumulates. */
public enum StatsKind {
  /** Per-class counts and sums (class means). */
  MEANS,
  /** Within-class scatter and variance norms around given class means. */
  SPREAD,
  /** NCC versus linear-classifier agreement, given class means and a classifier. */
  DECISIONS
}
