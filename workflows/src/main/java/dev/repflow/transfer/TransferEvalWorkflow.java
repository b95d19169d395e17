package dev.repflow.transfer;

import dev.repflow.common.PipelineProgress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Pretrain a CNN on some classes, embed held-out classes with the frozen backbone, evaluate the
 * embeddings (and raw pixels) with kNN.
 *
 * <p>Start it from the Temporal CLI with workflow type {@value #TYPE} on task queue {@code
 * repflow-cpu} and a {@link TransferEvalSpec} as JSON input.
 */
@WorkflowInterface
public interface TransferEvalWorkflow {
  String TYPE = "TransferEvalWorkflow";

  @WorkflowMethod(name = TYPE)
  TransferEvalResult run(TransferEvalSpec spec);

  /** Stage states, for the CLI's live progress and for any client. */
  @QueryMethod
  PipelineProgress progress();
}
