package dev.repflow.anchoring;

import dev.repflow.artifacts.RunContext;
import dev.repflow.data.DatasetSpec;
import dev.repflow.models.ModelSpec;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Tensor steps of the anchoring pipeline (GPU queue): training and inference. */
@ActivityInterface
public interface AnchoringActivities {

  /**
   * Trains one model of the comparison on the train split (all classes). Checkpoints every epoch
   * and heartbeats (epoch, step, checkpoint); a retried attempt resumes from that checkpoint.
   */
  @ActivityMethod(name = "AnchoringTrain")
  AnchoredModel train(
      RunContext run,
      DatasetSpec dataset,
      ModelSpec model,
      AnchorTraining train,
      ModelVariant variant);

  /**
   * Predicts a corrupted set with one model (anchored: logits averaged over shared anchors, unless
   * {@code inference.average} says softmax) and measures accuracy, ECE and NLL per severity.
   */
  @ActivityMethod(name = "AnchoringInfer")
  CorruptionMetrics infer(
      RunContext run,
      DatasetSpec dataset,
      AnchoredModel model,
      CorruptedSet set,
      InferenceSpec inference);
}
