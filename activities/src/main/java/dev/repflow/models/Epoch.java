package dev.repflow.models;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.repflow.data.Permutations;
import java.util.Arrays;

/**
 * One training pass over the data in a seeded shuffled order; the last partial batch is used.
 *
 * @param number 0-based epoch index; shuffling uses {@code new Random(seed + number)}, so a resumed
 *     run sees the same batches as an uninterrupted one
 */
record Epoch(int number, int batchSize, long seed) {
  private static final Loss LOSS = Loss.softmaxCrossEntropyLoss();

  /**
   * Trains {@code model} for one epoch.
   *
   * @param state {@code optimizer}'s buffers, updated in place
   * @param targets {@code [N]} class indices 0..C-1 of the training images
   * @param inputs this epoch's input builder
   * @param base parent of the per-batch sub-managers
   */
  Stats run(
      Classifier model,
      Optimizer optimizer,
      OptimizerState state,
      TrainingInputs.Batches inputs,
      int[] targets,
      NDManager base,
      TrainingListener listener) {
    ParameterStore store = new ParameterStore(base, false);
    int size = targets.length;
    int[] order = Permutations.of(size, seed + number);
    int batches = (size + batchSize - 1) / batchSize;
    double lossSum = 0;
    long correct = 0;
    for (int b = 0; b < batches; b++) {
      int from = b * batchSize;
      int[] rows = Arrays.copyOfRange(order, from, Math.min(from + batchSize, size));
      float loss;
      try (NDManager batch = base.newSubManager()) {
        NDArray x = inputs.next(batch, rows);
        NDArray y = ImageTensors.targets(batch, targets, rows, 0, rows.length);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray logits = model.logits(store, x, true);
          NDArray batchLoss = LOSS.evaluate(new NDList(y), new NDList(logits));
          collector.backward(batchLoss);
          loss = batchLoss.getFloat();
          correct += logits.argMax(1).eq(y).countNonzero().getLong();
        }
        optimizer.update(state, model.trainableParameters(), batch);
      }
      // Weight by batch size: the mean over images, even with a short last batch.
      lossSum += (double) loss * rows.length;
      listener.onBatch(number + 1, b + 1, batches, loss);
    }
    return new Stats((double) correct / size, lossSum / size);
  }

  /** Accuracy and mean loss over the epoch, measured while it trained. */
  record Stats(double accuracy, double meanLoss) {}
}
