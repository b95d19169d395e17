package dev.repflow.fungi;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Evaluation of feature combinations and the summary table (CPU queue). */
@ActivityInterface
public interface FungiEvalActivities {

  /**
   * L2-normalises each block, concatenates, fits PCA on train, then kNN, linear probe, few-shot and
   * retrieval metrics of test against train.
   *
   * @param train feature files of the train split, one per block, same rows in the same order
   * @param test the same blocks for the test split
   */
  @ActivityMethod(name = "FungiEvaluate")
  CombinationResult evaluate(
      RunContext run,
      String name,
      List<ArtifactRef> train,
      List<ArtifactRef> test,
      FungiEvalSpec settings);

  /** Writes the result table (combination x metric) as one JSON artifact. */
  @ActivityMethod(name = "FungiSummary")
  StepResult summarize(RunContext run, List<CombinationResult> results);
}
