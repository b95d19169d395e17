package dev.repflow.models;

import dev.repflow.artifacts.RunContext;
import dev.repflow.common.Steps;
import dev.repflow.data.DatasetSpec;

/**
 * The first stage of a pipeline that embeds with a frozen backbone: pretrain the built-in model, or
 * inspect the user's TorchScript parts. Either way later steps get one {@link BackboneRef}.
 */
public final class BackboneSteps {
  public static final String PRETRAIN = "pretrain";
  public static final String TORCHSCRIPT = "torchscript";

  private BackboneSteps() {}

  /**
   * The stage's name: {@value #PRETRAIN}, or {@value #TORCHSCRIPT} when {@code torchscript} set.
   */
  public static String stage(String torchscript) {
    return torchscript == null ? PRETRAIN : TORCHSCRIPT;
  }

  /**
   * Runs the stage and waits for it.
   *
   * @param pretrain what to pretrain on and how (ignored, may be null, for TorchScript)
   */
  public static Backbone obtain(
      Steps steps,
      ModelActivities models,
      RunContext run,
      DatasetSpec dataset,
      ModelSpec model,
      PretrainSpec pretrain,
      String torchscript) {
    if (torchscript != null) {
      BackboneRef.TorchScript ref =
          steps.start(TORCHSCRIPT, () -> models.inspectTorchScript(run, torchscript)).get();
      return new Backbone(null, ref);
    }
    TrainedBackbone trained =
        steps
            .start(
                PRETRAIN,
                () -> models.pretrain(run, dataset, pretrain.classes(), model, pretrain.train()))
            .get();
    return new Backbone(trained, trained.ref());
  }

  /**
   * @param trained the pretraining outcome, or null for a TorchScript backbone
   * @param ref what later steps embed with
   */
  public record Backbone(TrainedBackbone trained, BackboneRef ref) {}
}
