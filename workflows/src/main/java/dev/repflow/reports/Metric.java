package dev.repflow.reports;

/**
 * One named number of a run's results, e.g. {@code knn embeddings / accuracy = 0.9252}. Sweeps
 * aggregate metrics of equal name over their points; the results browser compares them across runs.
 *
 * @param name unique within a run; {@code /} separates what was measured from the measure
 * @param value the number; NaN when not measured
 */
public record Metric(String name, double value) {
  public Metric {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("metric name must not be blank");
    }
  }
}
