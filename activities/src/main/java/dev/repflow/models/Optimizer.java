package dev.repflow.models;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * The update rule of a {@link TrainingLoop} with its hyperparameters: {@link Adam} for pretraining,
 * SGD with momentum for anchored training. Its buffers live in an {@link OptimizerState}, which
 * goes into every epoch checkpoint.
 */
public interface Optimizer {

  /** Recorded in checkpoints, so resuming with another optimizer fails naming both. */
  String name();

  /** Buffers per parameter in its {@link OptimizerState}. */
  int slots();

  /**
   * One update of every parameter from its gradient, then zeroes the gradients (DJL accumulates
   * them across backward passes). Temporaries live in {@code scratch}, which the caller closes.
   *
   * @param state {@link #slots()} buffers per parameter of {@code parameters}, updated in place
   */
  void update(OptimizerState state, List<Parameter> parameters, NDManager scratch);
}
