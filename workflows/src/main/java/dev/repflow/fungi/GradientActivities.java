package dev.repflow.fungi;

import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Split;
import dev.repflow.models.BackboneRef;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Per-sample gradient features and their projection (GPU queue, heavy tensor work). */
@ActivityInterface
public interface GradientActivities {

  /**
   * Checks the layer exists and is linear and the projection fits its gradient, then stores the
   * projection's description, shared by every objective and split.
   *
   * @param layer null for the backbone's default (the exported layer of TorchScript parts)
   * @param spec a zero {@code dim} means the backbone's embedding size
   */
  @ActivityMethod(name = "FungiProjection")
  FungiProjection plan(RunContext run, BackboneRef backbone, String layer, ProjectionSpec spec);

  /**
   * Projected per-sample gradients of {@code objective} w.r.t. the projection's layer for {@code
   * classes} of a split: a feature file {@code [N, P]} with attributes {@code objective}, {@code
   * layer}, {@code projection}.
   */
  @ActivityMethod(name = "FungiGradients")
  StepResult gradients(
      RunContext run,
      DatasetSpec dataset,
      Split split,
      List<Integer> classes,
      BackboneRef backbone,
      ObjectiveSpec objective,
      FungiProjection projection,
      int batchSize);
}
