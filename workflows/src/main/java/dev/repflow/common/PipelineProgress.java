package dev.repflow.common;

import java.util.List;

/**
 * Answer of every pipeline workflow's {@code progress} query.
 *
 * @param pipeline workflow type, e.g. {@code TransferEvalWorkflow}
 * @param stages all stages in plan order
 */
public record PipelineProgress(String pipeline, List<StageStatus> stages) {

  public PipelineProgress {
    stages = List.copyOf(stages);
  }

  /** Stages now running, in plan order. */
  public List<StageStatus> running() {
    return stages.stream().filter(s -> s.state() == StageStatus.State.RUNNING).toList();
  }

  /** Number of finished stages (done, cached or failed). */
  public long finished() {
    return stages.stream().filter(s -> s.state().finished()).count();
  }
}
