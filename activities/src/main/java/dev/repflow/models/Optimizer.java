package dev.repflow.models;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The update rule of a {@link TrainingLoop} with its hyperparameters: Adam for pretraining, SGD
 * with momentum for anchored training. Its {@link State} (moments or momentum buffers, step count)
 * goes into every epoch checkpoint, so a resumed run continues exactly where it stopped.
 */
public interface Optimizer {

  /** Recorded in checkpoints, so resuming with another optimizer fails naming both. */
  String name();

  /** Fresh state (zero buffers, step 0) for {@code parameters}, created in {@code manager}. */
  State zeros(List<Parameter> parameters, NDManager manager);

  /** Reads state written by {@link State#write}; its arrays live in {@code manager}. */
  State read(DataInputStream in, NDManager manager) throws IOException;

  /**
   * One update of every parameter from its gradient, then zeroes the gradients (DJL accumulates
   * them across backward passes). Temporaries live in {@code scratch}, which the caller closes.
   *
   * @param state made by this optimizer's {@link #zeros} or {@link #read}
   */
  void update(State state, List<Parameter> parameters, NDManager scratch);

  /** The optimizer's buffers and step count. */
  interface State {
    void write(DataOutputStream out) throws IOException;

    /** Number of parameters the state holds buffers for. */
    int size();
  }
}
