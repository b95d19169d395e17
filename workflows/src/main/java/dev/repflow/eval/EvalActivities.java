package dev.repflow.eval;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.RunContext;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Evaluation of feature files (CPU queue). */
@ActivityInterface
public interface EvalActivities {

  /**
   * k-nearest-neighbour classification: Euclidean distance, uniform vote; equal distances keep
   * memory order and tied votes go to the smallest class id (as scikit-learn). Writes a JSON
   * report.
   */
  @ActivityMethod(name = "KnnEvaluate")
  KnnResult knn(RunContext run, String name, ArtifactRef memory, ArtifactRef queries, int k);
}
