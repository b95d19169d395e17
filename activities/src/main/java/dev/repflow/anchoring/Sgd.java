package dev.repflow.anchoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.repflow.models.Optimizer;
import dev.repflow.models.OptimizerState;
import dev.repflow.models.Scalars;
import java.util.List;

/**
 * SGD with momentum and weight decay in PyTorch's form ({@code g' = g + wd w; v = m v + g'; w -= lr
 * v}) on a per-step learning-rate schedule, the optimizer of anchored training; the momentum buffer
 * is slot 0 of the state, whose step count is the position on the schedule.
 */
record Sgd(CosineSchedule schedule, float momentum, float weightDecay) implements Optimizer {

  @Override
  public String name() {
    return "sgd";
  }

  @Override
  public int slots() {
    return 1;
  }

  @Override
  public void update(OptimizerState state, List<Parameter> parameters, NDManager scratch) {
    step(state, parameters, (float) schedule.at(state.step()), momentum, weightDecay, scratch);
  }

  /** One update at {@code learningRate}, whatever the schedule says. */
  static void step(
      OptimizerState state,
      List<Parameter> parameters,
      float learningRate,
      float momentum,
      float weightDecay,
      NDManager scratch) {
    state.advance();
    for (int i = 0; i < parameters.size(); i++) {
      NDArray weight = parameters.get(i).getArray();
      NDArray grad = weight.getGradient();
      grad.attach(scratch);
      NDArray v = state.buffer(i, 0);
      v.tempAttach(scratch);
      NDArray g = weightDecay == 0 ? grad : grad.add(weight.mul(Scalars.of(weight, weightDecay)));
      v.muli(momentum).addi(g);
      weight.subi(v.mul(Scalars.of(v, learningRate)));
      grad.subi(grad);
    }
  }
}
