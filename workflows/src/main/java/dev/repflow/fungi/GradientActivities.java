package dev.repflow.fungi;

import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.LocalPath;
import dev.repflow.data.Split;
import dev.repflow.models.TrainedBackbone;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Per-sample gradient features (GPU queue, heavy tensor work). */
@ActivityInterface
public interface GradientActivities {

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
      TrainedBackbone backbone,
      ObjectiveSpec objective,
      FungiProjection projection,
      int batchSize);

  /**
   * Embeddings {@code [N, D]} of a split with a TorchScript backbone ({@code front}, {@code layer},
   * {@code tail} in {@code dir}).
   */
  @ActivityMethod(name = "FungiEmbedTorchScript")
  StepResult embedTorchScript(
      RunContext run,
      DatasetSpec dataset,
      Split split,
      List<Integer> classes,
      @LocalPath("torchscript") String dir);

  /** {@link #gradients} for a TorchScript backbone exported into {@code dir}. */
  @ActivityMethod(name = "FungiGradientsTorchScript")
  StepResult gradientsTorchScript(
      RunContext run,
      DatasetSpec dataset,
      Split split,
      List<Integer> classes,
      @LocalPath("torchscript") String dir,
      ObjectiveSpec objective,
      FungiProjection projection,
      int batchSize);
}
