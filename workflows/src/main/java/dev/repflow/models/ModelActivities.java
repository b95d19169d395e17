package dev.repflow.models;

import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.LocalPath;
import dev.repflow.data.Split;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Model steps: training, backbone inspection and frozen-backbone inference (GPU queue). */
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
   * Checks a TorchScript backbone exported by {@code tools/fungi_export.py} into {@code dir}: the
   * parts load, the layer is linear, the manifest fits them. Returns the reference every later step
   * uses, with the files' checksums.
   */
  @ActivityMethod(name = "InspectTorchScript")
  BackboneRef.TorchScript inspectTorchScript(RunContext run, @LocalPath("torchscript") String dir);

  /**
   * Embeds {@code classes} of a split with the frozen backbone (penultimate features of a trained
   * checkpoint, the tail's output of TorchScript parts) into a feature file {@code [N, D]}.
   */
  @ActivityMethod(name = "EmbedSplit")
  StepResult embed(
      RunContext run,
      DatasetSpec dataset,
      Split split,
      List<Integer> classes,
      BackboneRef backbone);
}
