package dev.repflow.sweep;

import dev.repflow.common.PipelineProgress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Runs a pipeline once per point of a seed/value grid, as child workflows with bounded concurrency,
 * and reports mean +- std per group. Points share the content-addressed cache: steps whose
 * parameters agree across points run once.
 *
 * <p>Start it with workflow type {@value #TYPE} on task queue {@code repflow-cpu} and a {@link
 * SweepSpec} as JSON input ({@code repflow spec} prints one from a config with {@code sweep:}).
 */
@WorkflowInterface
public interface SweepWorkflow {
  String TYPE = "SweepWorkflow";

  @WorkflowMethod(name = TYPE)
  SweepResult run(SweepSpec spec);

  /** One stage per point. */
  @QueryMethod
  PipelineProgress progress();
}
