package dev.repflow.reports;

import dev.repflow.artifacts.RunContext;

/**
 * What a finished pipeline hands its report step.
 *
 * @param workflowId the run; reports go under {@code <experiment>/reports/<workflowId>/}
 * @param workflowType selects how the result is laid out, e.g. {@code TransferEvalWorkflow}
 * @param run experiment (key prefix) of the run
 * @param spec the run's spec record (JSON object on the wire)
 * @param result the run's result record (JSON object on the wire)
 */
public record RunReportRequest(
    String workflowId, String workflowType, RunContext run, Object spec, Object result) {}
