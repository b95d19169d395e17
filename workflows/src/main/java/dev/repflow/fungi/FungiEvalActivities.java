package dev.repflow.fungi;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.data.LocalPath;
import dev.repflow.models.ModelSpec;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Projection bookkeeping and evaluation of feature combinations (CPU queue). */
@ActivityInterface
public interface FungiEvalActivities {

  /**
   * Checks the layer exists and is linear and the projection fits its gradient, then stores the
   * projection's description. Runs first, so bad settings fail before any training.
   *
   * @param layer null for the architecture's default
   */
  @ActivityMethod(name = "FungiProjection")
  FungiProjection projection(RunContext run, ModelSpec model, String layer, ProjectionSpec spec);

  /**
   * {@link #projection} for a TorchScript backbone's {@code layer.pt} in {@code dir}; a zero {@code
   * spec.dim()} means the layer's output size.
   */
  @ActivityMethod(name = "FungiProjectionTorchScript")
  FungiProjection projectionTorchScript(
      RunContext run, @LocalPath("torchscript") String dir, ProjectionSpec spec);

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
