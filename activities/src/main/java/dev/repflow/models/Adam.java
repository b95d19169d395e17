package dev.repflow.models;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Adam at a constant learning rate, the optimizer of pretraining ({@link AdamState} holds the
 * moments).
 */
public record Adam(float learningRate) implements Optimizer {

  @Override
  public String name() {
    return "adam";
  }

  @Override
  public AdamState zeros(List<Parameter> parameters, NDManager manager) {
    return AdamState.zeros(parameters, manager);
  }

  @Override
  public AdamState read(DataInputStream in, NDManager manager) throws IOException {
    return AdamState.read(in, manager);
  }

  @Override
  public void update(State state, List<Parameter> parameters, NDManager scratch) {
    ((AdamState) state).update(parameters, learningRate, scratch);
  }
}
