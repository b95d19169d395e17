package dev.repflow.common;

/**
 * How a run is labelled in its memo and search attributes, for lists and the web UI's filters.
 *
 * @param pipeline config name of the pipeline, e.g. {@code transfer}
 * @param workflowType the pipeline's workflow type, e.g. {@code TransferEvalWorkflow}
 * @param experiment the spec's experiment
 * @param dataset dataset name
 * @param model short model label
 */
public record RunLabels(
    String pipeline, String workflowType, String experiment, String dataset, String model) {

  /** Labels of a pipeline run started as workflow type {@code workflowType}. */
  public static RunLabels of(String workflowType, PipelineSpec spec) {
    return new RunLabels(
        spec.pipeline(), workflowType, spec.experiment(), spec.dataset().name(), spec.modelLabel());
  }
}
