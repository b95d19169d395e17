package dev.repflow.collapse;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.Steps;
import io.temporal.workflow.Promise;
import java.util.ArrayList;
import java.util.List;

/** Workflow-side fan-out of one statistics pass: one activity per shard, then one merge. */
final class Sharded {
  private final Steps steps;
  private final CollapseActivities collapse;
  private final RunContext run;
  private final int shards;

  Sharded(Steps steps, CollapseActivities collapse, RunContext run, int shards) {
    this.steps = steps;
    this.collapse = collapse;
    this.run = run;
    this.shards = shards;
  }

  /** Stage names of a pass: one per shard, then the merge under the pass's own name. */
  static List<String> stages(String pass, int shards) {
    List<String> out = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      out.add(pass + "#" + s);
    }
    out.add(pass);
    return out;
  }

  /** Starts the pass; the promise holds the merged statistics. */
  Promise<ArtifactRef> pass(
      String stage,
      StatsKind kind,
      ArtifactRef features,
      List<Integer> classes,
      ArtifactRef means,
      ArtifactRef probe) {
    List<Promise<StepResult>> parts = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      var request = new AccumulateRequest(kind, features, classes, s, shards, means, probe);
      parts.add(steps.start(stage + "#" + s, () -> collapse.accumulate(run, request)));
    }
    return Promise.allOf(parts)
        .thenCompose(
            x -> {
              List<ArtifactRef> refs = parts.stream().map(p -> p.get().artifact()).toList();
              return steps.start(stage, () -> collapse.merge(run, kind, refs));
            })
        .thenApply(StepResult::artifact);
  }
}
