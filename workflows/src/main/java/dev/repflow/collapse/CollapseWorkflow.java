package dev.repflow.collapse;

import dev.repflow.common.PipelineProgress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Pretrain (cached), embed, then measure neural collapse with sharded, mergeable passes over the
 * feature files. Workflow type {@value #TYPE} on {@code repflow-cpu}, input {@link CollapseSpec}.
 */
@WorkflowInterface
public interface CollapseWorkflow {
  String TYPE = "CollapseWorkflow";

  @WorkflowMethod(name = TYPE)
  CollapseResult run(CollapseSpec spec);

  @QueryMethod
  PipelineProgress progress();
}
