package dev.repflow.stitching;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Energy OOD detectors on end-layer representations, trained as szegedai/stitching-ood's {@code
 * exec_train_representation_classifier.py} trains them: cross-entropy epochs on the ID classes,
 * then energy fine-tuning (Liu et al. 2020) against an outlier-exposure set, with a fresh Adam.
 *
 * <p>The outliers the detector is fine-tuned against ({@code exposure}) and the OOD data it is
 * evaluated on ({@code test}) must be disjoint, as in the reference (300K random images for
 * fine-tuning, SVHN and the stitched activations for evaluation); otherwise AUROC and FPR95 measure
 * recall of the fine-tuning data.
 *
 * @param exposure outlier exposure for fine-tuning, from the train split
 * @param test OOD test data for AUROC and FPR95, from the test split
 * @param hidden width of the detector's hidden layer (default 128)
 * @param epochs cross-entropy epochs (default 1)
 * @param finetuneEpochs energy fine-tuning epochs (default: {@code epochs})
 * @param batchSize cross-entropy batch; fine-tuning batches hold half as many ID images and half as
 *     many outliers (default 64, the reference's)
 * @param learningRate Adam, both phases (default 1e-3)
 * @param weightDecay Adam's L2 term, added to the gradient as PyTorch does (default 1e-5)
 * @param finetuneLrDrop when fine-tuning multiplies the rate by 0.1: {@value #DROP_STEP} (default,
 *     the reference: its MultiStepLR at {@code finetuneEpochs / 2} is stepped after every batch, so
 *     the rate drops after that many batches) or {@value #DROP_EPOCH} (after that many epochs)
 * @param trainPerClass training images per class for the detector, ID and outlier classes (default
 *     1000)
 * @param seed init, shuffling and the fine-tuning subsets
 */
public record OodSettings(
    OutlierSource exposure,
    OutlierSource test,
    Integer hidden,
    int epochs,
    int finetuneEpochs,
    int batchSize,
    Double learningRate,
    Double weightDecay,
    String finetuneLrDrop,
    int trainPerClass,
    long seed) {
  public static final double M_IN = -25;
  public static final double M_OUT = -7;
  public static final double WEIGHT = 0.1;
  public static final int OUTLIER_SEVERITY = 5;
  public static final String DROP_STEP = "step";
  public static final String DROP_EPOCH = "epoch";

  public OodSettings {
    exposure = exposure == null ? new OutlierSource(null, null) : exposure;
    test = test == null ? new OutlierSource(null, null) : test;
    requireOneKind("ood.exposure", exposure);
    requireOneKind("ood.test", test);
    if (exposure.absent() != test.absent()) {
      throw new IllegalArgumentException(
          "ood: give both ood.exposure (outliers to fine-tune against) and ood.test (OOD test"
              + " data), or neither");
    }
    requireDisjoint(exposure, test);
    hidden = hidden == null ? 128 : hidden;
    epochs = epochs == 0 ? 1 : epochs;
    finetuneEpochs = finetuneEpochs == 0 ? epochs : finetuneEpochs;
    batchSize = batchSize == 0 ? 64 : batchSize;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    weightDecay = weightDecay == null ? 1e-5 : weightDecay;
    finetuneLrDrop = finetuneLrDrop == null ? DROP_STEP : finetuneLrDrop;
    trainPerClass = trainPerClass == 0 ? 1000 : trainPerClass;
    if (hidden < 1 || epochs < 1 || finetuneEpochs < 1 || trainPerClass < 1) {
      throw new IllegalArgumentException(
          "ood: hidden, epochs, finetuneEpochs and trainPerClass must be positive");
    }
    if (batchSize < 2) {
      throw new IllegalArgumentException(
          "ood.batchSize must be at least 2 (fine-tuning batches are half ID, half outliers), got "
              + batchSize);
    }
    if (!(learningRate > 0 && learningRate < 1) || !(weightDecay >= 0 && weightDecay < 1)) {
      throw new IllegalArgumentException(
          "ood.learningRate must be in (0, 1) and ood.weightDecay in [0, 1), got "
              + learningRate
              + ", "
              + weightDecay);
    }
    if (!List.of(DROP_STEP, DROP_EPOCH).contains(finetuneLrDrop)) {
      throw new IllegalArgumentException(
          "ood.finetuneLrDrop must be '"
              + DROP_STEP
              + "' or '"
              + DROP_EPOCH
              + "', got '"
              + finetuneLrDrop
              + "'");
    }
  }

  public boolean enabled() {
    return !exposure.absent();
  }

  /**
   * Fine-tuning learning rate for a step: 0.1 x from step (or epoch) {@code finetuneEpochs / 2} on,
   * as PyTorch's {@code MultiStepLR([finetuneEpochs // 2], 0.1)} gives it.
   *
   * @param step 0-based optimizer steps done before this one
   * @param epoch 0-based fine-tuning epoch
   */
  public double finetuneRate(int step, int epoch) {
    int counter = finetuneLrDrop.equals(DROP_STEP) ? step : epoch;
    return counter >= finetuneEpochs / 2 ? learningRate * 0.1 : learningRate;
  }

  OodSettings withSources(OutlierSource exposure, OutlierSource test) {
    return new OodSettings(
        exposure,
        test,
        hidden,
        epochs,
        finetuneEpochs,
        batchSize,
        learningRate,
        weightDecay,
        finetuneLrDrop,
        trainPerClass,
        seed);
  }

  private static void requireOneKind(String key, OutlierSource source) {
    if (!source.classes().isEmpty() && source.corruption() != null) {
      throw new IllegalArgumentException(
          key + ": give classes or corruption, not both (got " + source + ")");
    }
  }

  private static void requireDisjoint(OutlierSource exposure, OutlierSource test) {
    Set<Integer> shared = new HashSet<>(exposure.classes());
    shared.retainAll(test.classes());
    if (!shared.isEmpty()) {
      throw new IllegalArgumentException(
          "ood.exposure.classes "
              + exposure.classes()
              + " and ood.test.classes "
              + test.classes()
              + " share "
              + shared
              + ": the detector would be evaluated on classes it was fine-tuned against");
    }
    if (exposure.corruption() != null && exposure.corruption().equals(test.corruption())) {
      throw new IllegalArgumentException(
          "ood.exposure.corruption and ood.test.corruption are both '"
              + test.corruption()
              + "': the detector would be evaluated on the corruption it was fine-tuned against");
    }
  }
}
