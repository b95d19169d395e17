package dev.repflow.models;

import dev.repflow.data.ImageSet;
import java.util.List;

/**
 * Pretraining: supervised training of a backbone plus linear head on the plain images with Adam at
 * a constant learning rate, in the one {@link TrainingLoop}.
 */
public final class BackboneTrainer {

  /**
   * Trains on all of {@code data}, writing a checkpoint (a temp file) after every epoch.
   *
   * @param classes class ids to learn; labels map to outputs 0..C-1 in sorted id order
   * @param resume null to start afresh
   * @throws IllegalArgumentException when labels fall outside {@code classes}, the architecture
   *     cannot take the images, or the resume checkpoint does not match
   */
  public TrainingOutcome train(
      ImageSet data,
      List<Integer> classes,
      ModelSpec spec,
      TrainSpec train,
      Resume resume,
      TrainingListener listener) {
    ClassIndex index = ClassIndex.of(classes);
    int[] targets = index.targets(data.labels());
    var plan =
        new TrainingLoop.Plan(
            spec,
            index.size(),
            data.shape(),
            train.epochs(),
            train.batchSize(),
            train.seed(),
            new Adam((float) train.learningRate()),
            "");
    return new TrainingLoop(plan).train(targets, TrainingInputs.plain(data), resume, listener);
  }
}
