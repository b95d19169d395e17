package dev.repflow.artifacts;

/**
 * Settings every step request carries: where its artifacts go and whether it may reuse them.
 *
 * @param experiment first path segment of every artifact key of this run
 * @param useCache false recomputes every step even when its content address exists
 */
public record RunContext(String experiment, boolean useCache) {

  public RunContext {
    if (experiment == null || !experiment.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
      throw new IllegalArgumentException(
          "experiment must be 1-100 chars of letters, digits, '.', '_' or '-', got " + experiment);
    }
  }
}
