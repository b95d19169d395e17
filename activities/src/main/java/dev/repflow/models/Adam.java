package dev.repflow.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * Adam (Kingma and Ba, with bias correction, as in PyTorch) at a constant learning rate, the
 * optimizer of pretraining; its moments are slots 0 (mean) and 1 (variance) of the state.
 */
public record Adam(float learningRate) implements Optimizer {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  @Override
  public String name() {
    return "adam";
  }

  @Override
  public int slots() {
    return 2;
  }

  @Override
  public void update(OptimizerState state, List<Parameter> parameters, NDManager scratch) {
    long step = state.advance();
    float correction1 = 1 - (float) StrictMath.pow(BETA1, step);
    float correction2 = 1 - (float) StrictMath.pow(BETA2, step);
    for (int i = 0; i < parameters.size(); i++) {
      NDArray weight = parameters.get(i).getArray();
      NDArray grad = weight.getGradient();
      grad.attach(scratch);
      NDArray m = state.buffer(i, 0);
      NDArray v = state.buffer(i, 1);
      // Results of m and v's own ops would land in their long-lived manager; lend them to scratch.
      m.tempAttach(scratch);
      v.tempAttach(scratch);
      m.muli(BETA1).addi(grad.mul(Scalars.of(grad, 1 - BETA1)));
      v.muli(BETA2).addi(grad.square().muli(1 - BETA2));
      NDArray denominator = PortableMath.sqrt(v.div(Scalars.of(v, correction2))).addi(EPSILON);
      weight.subi(m.div(Scalars.of(m, correction1)).divi(denominator).muli(learningRate));
      grad.subi(grad);
    }
  }
}
