package dev.repflow.models;

import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a checkpoint needs beyond the weights to continue training exactly where it stopped.
 *
 * @param completedEpochs epochs finished when the checkpoint was written
 * @param trainAccuracy accuracy over the last finished epoch (NaN before the first)
 * @param meanLoss mean cross-entropy over the last finished epoch (NaN before the first)
 * @param optimizer optimizer buffers and step count
 */
record TrainingState(
    int completedEpochs, double trainAccuracy, double meanLoss, OptimizerState optimizer) {

  /** Writes the state, naming the optimizer {@code by} that made it, so no other one reads it. */
  void write(DataOutputStream out, Optimizer by) throws IOException {
    out.writeInt(completedEpochs);
    out.writeDouble(trainAccuracy);
    out.writeDouble(meanLoss);
    out.writeUTF(by.name());
    optimizer.write(out);
  }

  /**
   * Reads a state written by {@link #write} for {@code by}.
   *
   * @throws IllegalArgumentException naming {@code file} when another optimizer wrote it
   */
  static TrainingState read(DataInputStream in, Optimizer by, NDManager manager, Path file)
      throws IOException {
    int epochs = in.readInt();
    double accuracy = in.readDouble();
    double loss = in.readDouble();
    String name = in.readUTF();
    if (!name.equals(by.name())) {
      throw new IllegalArgumentException(
          String.format(
              "checkpoint %s holds %s optimizer state, but this training uses %s",
              file, name, by.name()));
    }
    return new TrainingState(epochs, accuracy, loss, OptimizerState.read(in, manager));
  }
}
