package dev.repflow.stitching;

import java.util.List;

/**
 * Energy OOD detectors on end-layer representations (Liu et al. 2020 fine-tuning loss).
 *
 * @param outlierClasses held-out classes used as auxiliary outliers (train split) and as OOD test
 *     data; empty turns the detectors off
 * @param hidden width of the detector's hidden layer (default 128)
 * @param epochs cross-entropy epochs, then as many energy fine-tuning epochs (default 1)
 * @param trainPerClass training images per class for the detector (default 1000)
 * @param seed init and shuffling
 */
public record OodSettings(
    List<Integer> outlierClasses, Integer hidden, int epochs, int trainPerClass, long seed) {
  public static final double M_IN = -25;
  public static final double M_OUT = -7;
  public static final double WEIGHT = 0.1;

  public OodSettings {
    outlierClasses = outlierClasses == null ? List.of() : List.copyOf(outlierClasses);
    hidden = hidden == null ? 128 : hidden;
    epochs = epochs == 0 ? 1 : epochs;
    trainPerClass = trainPerClass == 0 ? 1000 : trainPerClass;
    if (hidden < 1 || epochs < 1 || trainPerClass < 1) {
      throw new IllegalArgumentException("ood: hidden, epochs and trainPerClass must be positive");
    }
  }

  public boolean enabled() {
    return !outlierClasses.isEmpty();
  }

  OodSettings withOutlierClasses(List<Integer> ids) {
    return new OodSettings(ids, hidden, epochs, trainPerClass, seed);
  }
}
