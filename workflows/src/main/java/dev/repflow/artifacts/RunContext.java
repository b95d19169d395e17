package dev.repflow.artifacts;

import java.util.regex.Pattern;

/**
 * Settings every step request carries: where its artifacts go and whether it may reuse them.
 *
 * @param experiment first path segment of every artifact key of this run
 * @param useCache false recomputes every step even when its content address exists
 */
public record RunContext(String experiment, boolean useCache) {
  /** What an experiment name may be: one S3 key segment, safe in paths and workflow ids. */
  private static final Pattern EXPERIMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  public RunContext {
    requireExperiment(experiment);
  }

  /**
   * Returns {@code experiment} when it is a valid experiment name.
   *
   * @throws IllegalArgumentException naming the {@code experiment} key otherwise
   */
  public static String requireExperiment(String experiment) {
    if (experiment == null || experiment.isBlank()) {
      throw new IllegalArgumentException(
          "experiment: is required (1-100 letters, digits, '.', '_' or '-'; it names the run"
              + " and starts every artifact key)");
    }
    if (!EXPERIMENT.matcher(experiment).matches()) {
      throw new IllegalArgumentException(
          "experiment: '"
              + experiment
              + "' is not a valid name (1-100 letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit)");
    }
    return experiment;
  }
}
