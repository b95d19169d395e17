package dev.repflow.imprinting;

import dev.repflow.common.PipelineProgress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Pretrain (cached), embed the downstream classes, evaluate a grid of imprinting configs in batches
 * with bounded parallelism, summarize with a critical-difference diagram. Workflow type {@value
 * #TYPE} on {@code repflow-cpu}, input {@link ImprintingSpec}.
 */
@WorkflowInterface
public interface ImprintingWorkflow {
  String TYPE = "ImprintingWorkflow";

  @WorkflowMethod(name = TYPE)
  ImprintingResult run(ImprintingSpec spec);

  @QueryMethod
  PipelineProgress progress();
}
