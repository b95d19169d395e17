package dev.repflow.worker.report;

import dev.repflow.models.TrainedBackbone;
import java.util.List;
import java.util.Locale;

/** The opening line of every report whose pipeline pretrains its backbone. */
final class PretrainedBackbone {
  private PretrainedBackbone() {}

  /** e.g. {@code Backbone cnn pretrained on classes [0, 1]: train accuracy 0.9100, loss 0.2500}. */
  static String describe(TrainedBackbone backbone, List<Integer> classes) {
    return String.format(
        Locale.ROOT,
        "Backbone %s pretrained on classes %s: train accuracy %.4f, loss %.4f",
        backbone.model().label(),
        classes,
        backbone.trainAccuracy(),
        backbone.trainLoss());
  }
}
