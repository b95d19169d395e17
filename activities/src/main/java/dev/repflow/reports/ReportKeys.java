package dev.repflow.reports;

/**
 * Where a run's report lives: {@code <experiment>/reports/<workflow id>/}, next to the run's other
 * artifacts. Not content-addressed: a report describes one run, whose id names it.
 */
public final class ReportKeys {
  public static final String FOLDER = "reports";
  public static final String HTML = "report.html";
  public static final String DATA = "run.json";

  private ReportKeys() {}

  /** The run's report folder, ending in {@code /}. */
  public static String folder(String experiment, String workflowId) {
    return experiment + "/" + FOLDER + "/" + segment(workflowId) + "/";
  }

  /**
   * A workflow id as one key segment: characters other than letters, digits, '.', '_', '-' become
   * '_'.
   */
  public static String segment(String workflowId) {
    String safe = workflowId.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
  }
}
