package dev.repflow.imprinting;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.RunContext;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Imprinting steps on stored feature files (CPU queue). */
@ActivityInterface
public interface ImprintingActivities {

  /**
   * Evaluates each run on every task. A run whose result is already stored (same parameters, same
   * feature files, same tasks) is read back instead of recomputed, across workflow runs.
   */
  @ActivityMethod(name = "ImprintBatch")
  BatchResult evaluate(RunContext run, TaskSet tasks, List<ImprintConfig> configs);

  /**
   * Builds the run x task table, each method's median over seeds, and over the methods {@code cd}
   * names (resolved: never empty) the ranks, Friedman/Wilcoxon-Holm statistics and CD diagram.
   */
  @ActivityMethod(name = "ImprintSummarize")
  ImprintingSummary summarize(RunContext run, TaskSet tasks, List<ArtifactRef> batches, CdSpec cd);
}
