package dev.repflow.models;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.ImageShape;

/**
 * A trained backbone checkpoint and how training ended.
 *
 * @param checkpoint DJL parameter file
 * @param numClasses size of the classifier head the checkpoint was trained with
 * @param trainAccuracy accuracy on the training subset in the last epoch
 * @param trainLoss mean cross-entropy in the last epoch
 * @param cached true when an identical training run was found in the store
 * @param input shape of the images it was trained on (null in manifests written before datasets had
 *     shapes: those were FashionMNIST's 1x28x28)
 */
public record TrainedBackbone(
    ArtifactRef checkpoint,
    ModelSpec model,
    int numClasses,
    double trainAccuracy,
    double trainLoss,
    boolean cached,
    ImageShape input)
    implements StepOutcome {
  /** Copy marked as reused from the cache. */
  public TrainedBackbone asCached() {
    return new TrainedBackbone(
        checkpoint, model, numClasses, trainAccuracy, trainLoss, true, input);
  }

  /** The checkpoint as the backbone of embedding and gradient steps. */
  public BackboneRef.Trained ref() {
    return new BackboneRef.Trained(
        checkpoint, model, numClasses, input == null ? DatasetSpec.FASHION_MNIST_SHAPE : input);
  }

  @Override
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "train acc %.3f, loss %.4f -> %s",
        trainAccuracy,
        trainLoss,
        checkpoint.uri());
  }
}
