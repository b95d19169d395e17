package dev.repflow.fungi;

import dev.repflow.common.PipelineProgress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * FUNGI: embed, extract per-sample self-supervised gradients, project them with one shared random
 * projection, concatenate and evaluate every combination.
 *
 * <p>Start it from the Temporal CLI with workflow type {@value #TYPE} on task queue {@code
 * repflow-cpu} and a {@link FungiSpec} as JSON input.
 */
@WorkflowInterface
public interface FungiWorkflow {
  String TYPE = "FungiWorkflow";

  @WorkflowMethod(name = TYPE)
  FungiResult run(FungiSpec spec);

  @QueryMethod
  PipelineProgress progress();
}
