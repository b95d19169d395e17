package dev.repflow.models;

import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What a checkpoint needs beyond the weights to continue training exactly where it stopped.
 *
 * @param completedEpochs epochs finished when the checkpoint was written
 * @param trainAccuracy accuracy over the last finished epoch (NaN before the first)
 * @param meanLoss mean cross-entropy over the last finished epoch (NaN before the first)
 * @param adam optimizer moments and step count
 */
record TrainingState(int completedEpochs, double trainAccuracy, double meanLoss, AdamState adam) {

  void write(DataOutputStream out) throws IOException {
    out.writeInt(completedEpochs);
    out.writeDouble(trainAccuracy);
    out.writeDouble(meanLoss);
    adam.write(out);
  }

  static TrainingState read(DataInputStream in, NDManager manager) throws IOException {
    int epochs = in.readInt();
    double accuracy = in.readDouble();
    double loss = in.readDouble();
    return new TrainingState(epochs, accuracy, loss, AdamState.read(in, manager));
  }
}
