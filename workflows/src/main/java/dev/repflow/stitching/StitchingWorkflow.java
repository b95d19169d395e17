package dev.repflow.stitching;

import dev.repflow.common.PipelineProgress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Train networks, stitch pairs of layers (direct vs task-loss matching), probe and compare
 * representations at ranks, check stitched activations with energy OOD detectors.
 *
 * <p>Start it with workflow type {@value #TYPE} on task queue {@code repflow-cpu} and a {@link
 * StitchingSpec} as JSON input.
 */
@WorkflowInterface
public interface StitchingWorkflow {
  String TYPE = "StitchingWorkflow";

  @WorkflowMethod(name = TYPE)
  StitchingResult run(StitchingSpec spec);

  @QueryMethod
  PipelineProgress progress();
}
