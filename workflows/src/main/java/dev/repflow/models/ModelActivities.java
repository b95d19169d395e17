package dev.repflow.models;

import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Split;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Model steps: training and frozen-backbone inference (GPU queue). */
@ActivityInterface
public interface ModelActivities {

  /**
   * Trains a backbone with a linear classifier head on {@code classes} of the train split and
   * checkpoints it. Heartbeats per batch; a retried attempt resumes from the last epoch checkpoint.
   */
  @ActivityMethod(name = "PretrainBackbone")
  TrainedBackbone pretrain(
      RunContext run, DatasetSpec dataset, List<Integer> classes, ModelSpec model, TrainSpec train);

  /**
   * Embeds {@code classes} of a split with the frozen backbone (penultimate features) into a
   * feature file {@code [N, embeddingDim]}.
   */
  @ActivityMethod(name = "EmbedSplit")
  StepResult embed(
      RunContext run,
      DatasetSpec dataset,
      Split split,
      List<Integer> classes,
      TrainedBackbone backbone);
}
