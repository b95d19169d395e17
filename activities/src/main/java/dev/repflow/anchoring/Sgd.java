package dev.repflow.anchoring;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.repflow.models.Optimizer;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;

/**
 * SGD with momentum and weight decay on a per-step learning-rate schedule, the optimizer of
 * anchored training ({@link SgdState} holds the buffers and the step count, hence the position on
 * the schedule).
 */
record Sgd(CosineSchedule schedule, float momentum, float weightDecay) implements Optimizer {

  @Override
  public String name() {
    return "sgd";
  }

  @Override
  public SgdState zeros(List<Parameter> parameters, NDManager manager) {
    return SgdState.zeros(parameters, manager);
  }

  @Override
  public SgdState read(DataInputStream in, NDManager manager) throws IOException {
    return SgdState.read(in, manager);
  }

  @Override
  public void update(State state, List<Parameter> parameters, NDManager scratch) {
    SgdState sgd = (SgdState) state;
    float learningRate = (float) schedule.at(sgd.step());
    sgd.update(parameters, learningRate, momentum, weightDecay, scratch);
  }
}
