package dev.repflow.anchoring;

import dev.repflow.data.ImageSet;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.Resume;
import dev.repflow.models.TrainingInputs;
import dev.repflow.models.TrainingListener;
import dev.repflow.models.TrainingLoop;
import dev.repflow.models.TrainingOutcome;
import java.util.Random;

/**
 * Supervised training of a standard or anchored network with SGD (momentum, weight decay) on a
 * cosine schedule, in the one {@link TrainingLoop}.
 *
 * <p>Every random draw of epoch {@code e} (shuffle, anchors, masking) comes from generators seeded
 * by ({@code seed}, {@code e}), and the checkpoint holds the momentum buffers and step count, so a
 * run resumed after epoch k computes the same weights as an uninterrupted one.
 */
public final class AnchorTrainer {

  /**
   * Trains on all of {@code data}; labels are the class indices 0..numClasses-1.
   *
   * @param resume null to start afresh
   * @return the final checkpoint (a temp file the caller deletes)
   * @throws IllegalArgumentException for bad labels or a resume checkpoint that does not match
   */
  public TrainingOutcome train(
      ImageSet data,
      int numClasses,
      ModelSpec spec,
      AnchorTraining train,
      ModelVariant variant,
      Resume resume,
      TrainingListener listener) {
    for (int label : data.labels()) {
      if (label < 0 || label >= numClasses) {
        throw new IllegalArgumentException("label " + label + " is outside 0.." + (numClasses - 1));
      }
    }
    int batches = (data.size() + train.batchSize() - 1) / train.batchSize();
    var schedule = new CosineSchedule(train.learningRate(), (long) batches * train.epochs());
    var sgd = new Sgd(schedule, train.momentum().floatValue(), train.weightDecay().floatValue());
    var plan =
        new TrainingLoop.Plan(
            spec,
            numClasses,
            variant.inputFor(data.shape()),
            train.epochs(),
            train.batchSize(),
            train.seed(),
            sgd,
            variant.name());
    return new TrainingLoop(plan)
        .train(data.labels(), inputs(data, variant, train.seed()), resume, listener);
  }

  /**
   * Plain images, or anchored inputs whose anchors (from the training images) and masking are drawn
   * per batch from the epoch's generator.
   */
  private static TrainingInputs inputs(ImageSet data, ModelVariant variant, long seed) {
    if (!variant.anchored()) {
      return TrainingInputs.plain(data);
    }
    return epoch -> {
      var anchors =
          new TrainingAnchors(data.size(), new Random(seed * 0x9E3779B97F4A7C15L + epoch));
      return (manager, rows) -> {
        TrainingAnchors.Draw draw = anchors.next(rows.length, variant.alpha());
        return AnchorInputs.anchored(manager, data, rows, data, draw.anchors(), draw.masked());
      };
    };
  }
}
