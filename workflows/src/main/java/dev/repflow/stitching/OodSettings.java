package dev.repflow.stitching;

import java.util.List;

/**
 * Energy OOD detectors on end-layer representations (Liu et al. 2020 fine-tuning loss).
 *
 * @param outlierClasses held-out classes used as auxiliary outliers (train split) and as OOD test
 *     data
 * @param hidden width of the detector's hidden layer (default 128)
 * @param epochs cross-entropy epochs, then as many energy fine-tuning epochs (default 1)
 * @param trainPerClass training images per class for the detector (default 1000)
 * @param seed init and shuffling
 * @param outlierCorruption when no held-out classes are given: a corruption (e.g. {@code
 *     gaussian_noise}, any name the anchoring pipeline knows) applied at severity 5 to the
 *     in-distribution images turns them into synthetic outliers, for training and for the OOD test
 *     set. Without either, the detectors are off.
 */
public record OodSettings(
    List<Integer> outlierClasses,
    Integer hidden,
    int epochs,
    int trainPerClass,
    long seed,
    String outlierCorruption) {
  public static final double M_IN = -25;
  public static final double M_OUT = -7;
  public static final double WEIGHT = 0.1;
  public static final int OUTLIER_SEVERITY = 5;

  public OodSettings {
    outlierClasses = outlierClasses == null ? List.of() : List.copyOf(outlierClasses);
    hidden = hidden == null ? 128 : hidden;
    epochs = epochs == 0 ? 1 : epochs;
    trainPerClass = trainPerClass == 0 ? 1000 : trainPerClass;
    if (!outlierClasses.isEmpty() && outlierCorruption != null) {
      throw new IllegalArgumentException("ood: give outlierClasses or outlierCorruption, not both");
    }
    if (hidden < 1 || epochs < 1 || trainPerClass < 1) {
      throw new IllegalArgumentException("ood: hidden, epochs and trainPerClass must be positive");
    }
  }

  public boolean enabled() {
    return !outlierClasses.isEmpty() || outlierCorruption != null;
  }

  /** The outliers in words, for reports: {@code classes [5, 6]} or {@code fog (severity 5)}. */
  public String outliersLabel() {
    return outlierCorruption == null
        ? "classes " + outlierClasses
        : outlierCorruption + " (severity " + OUTLIER_SEVERITY + ") of the ID images";
  }

  OodSettings withOutlierClasses(List<Integer> ids) {
    return new OodSettings(ids, hidden, epochs, trainPerClass, seed, outlierCorruption);
  }
}
