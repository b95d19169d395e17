package dev.repflow.anchoring;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.ImageShape;
import dev.repflow.models.ModelSpec;
import java.util.Locale;

/**
 * A trained model of the comparison.
 *
 * @param variant standard or anchored with its alpha
 * @param numClasses classes of the head
 * @param checkpoint anchored-training checkpoint (weights plus SGD state)
 * @param epochs epochs the checkpoint holds
 * @param trainAccuracy accuracy over the last epoch, measured while it trained
 * @param trainLoss mean cross-entropy over the last epoch
 * @param cached true when reused from the store
 * @param images shape of the training images (the network takes twice the channels when anchored);
 *     null in manifests written before datasets had shapes (FashionMNIST's 1x28x28)
 */
public record AnchoredModel(
    ModelVariant variant,
    ModelSpec model,
    int numClasses,
    ArtifactRef checkpoint,
    int epochs,
    double trainAccuracy,
    double trainLoss,
    boolean cached,
    ImageShape images)
    implements StepOutcome {

  /** Copy marked as reused from the cache. */
  public AnchoredModel asCached() {
    return new AnchoredModel(
        variant, model, numClasses, checkpoint, epochs, trainAccuracy, trainLoss, true, images);
  }

  /** Shape of the network's input. */
  public ImageShape input() {
    return variant.inputFor(images == null ? DatasetSpec.FASHION_MNIST_SHAPE : images);
  }

  @Override
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%s: %d epochs, train acc %.3f, loss %.4f",
        variant.name(),
        epochs,
        trainAccuracy,
        trainLoss);
  }
}
