package dev.repflow.anchoring;

import dev.repflow.common.PipelineProgress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Train a standard and anchored models, corrupt the test split, infer every (model, corruption)
 * pair in parallel, report accuracy and calibration per severity.
 *
 * <p>Start it with workflow type {@value #TYPE} on task queue {@code repflow-cpu} and an {@link
 * AnchoringSpec} as JSON input.
 */
@WorkflowInterface
public interface AnchoringWorkflow {
  String TYPE = "AnchoringWorkflow";

  @WorkflowMethod(name = TYPE)
  AnchoringResult run(AnchoringSpec spec);

  /** Stage states, for the CLI's live progress and for any client. */
  @QueryMethod
  PipelineProgress progress();
}
