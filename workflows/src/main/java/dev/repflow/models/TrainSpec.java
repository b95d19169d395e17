package dev.repflow.models;

/**
 * Supervised training budget and optimiser settings (Adam).
 *
 * @param epochs passes over the training subset
 * @param batchSize images per step
 * @param learningRate Adam learning rate
 * @param seed seeds weight init and shuffling: same seed, same checkpoint
 */
public record TrainSpec(int epochs, int batchSize, double learningRate, long seed) {

  public TrainSpec {
    if (epochs < 1 || epochs > 1000) {
      throw new IllegalArgumentException("pretrain.epochs must be in 1..1000, got " + epochs);
    }
    if (batchSize < 1 || batchSize > 65536) {
      throw new IllegalArgumentException(
          "pretrain.batchSize must be in 1..65536, got " + batchSize);
    }
    if (!(learningRate > 0 && learningRate < 10)) {
      throw new IllegalArgumentException(
          "pretrain.learningRate must be in (0, 10), got " + learningRate);
    }
  }
}
