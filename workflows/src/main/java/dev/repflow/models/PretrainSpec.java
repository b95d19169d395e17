package dev.repflow.models;

import dev.repflow.data.ClassSubset;
import java.util.List;

/**
 * The {@code pretrain:} section of every pipeline that trains its own backbone before using it
 * frozen (transfer, FUNGI, collapse, imprinting): supervised training on {@code classes} of the
 * train split.
 *
 * @param classes class ids seen in pretraining; left out: every class
 * @param epochs passes over the training subset
 * @param batchSize images per step
 * @param learningRate Adam learning rate
 * @param seed seeds weight init and shuffling
 */
public record PretrainSpec(
    List<Integer> classes, int epochs, int batchSize, double learningRate, long seed) {

  public PretrainSpec {
    new TrainSpec(epochs, batchSize, learningRate, seed); // validates the numbers
  }

  public TrainSpec train() {
    return new TrainSpec(epochs, batchSize, learningRate, seed);
  }

  /** Copy with {@code classes} validated against the dataset, sorted and de-duplicated. */
  public PretrainSpec validated(int numClasses) {
    return new PretrainSpec(
        ClassSubset.orAll("pretrain.classes", classes, numClasses),
        epochs,
        batchSize,
        learningRate,
        seed);
  }
}
