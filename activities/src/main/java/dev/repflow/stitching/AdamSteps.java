package dev.repflow.stitching;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.repflow.models.Adam;
import dev.repflow.models.OptimizerState;
import dev.repflow.models.Scalars;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (the platform's {@link Adam}, PyTorch semantics) on a fixed list of trainable arrays;
 * everything else in the graph stays frozen.
 */
final class AdamSteps {
  private final List<Parameter> parameters = new ArrayList<>();
  private final OptimizerState moments;
  private final float weightDecay;
  private Adam adam;

  /**
   * @param manager owns the moments (the arrays' own long-lived manager)
   */
  AdamSteps(List<NDArray> arrays, double learningRate, NDManager manager) {
    this(arrays, learningRate, 0, manager);
  }

  /**
   * @param weightDecay added to every gradient times the weight before the update, as PyTorch's
   *     {@code Adam(weight_decay=...)} does
   */
  AdamSteps(List<NDArray> arrays, double learningRate, double weightDecay, NDManager manager) {
    for (int i = 0; i < arrays.size(); i++) {
      NDArray array = arrays.get(i);
      array.setRequiresGradient(true);
      parameters.add(
          Parameter.builder()
              .setName("p" + i)
              .setType(Parameter.Type.OTHER)
              .optShape(array.getShape())
              .optArray(array)
              .build());
    }
    this.adam = new Adam((float) learningRate);
    this.moments = OptimizerState.zeros(parameters, adam.slots(), manager);
    this.weightDecay = (float) weightDecay;
  }

  /** The rate of the following steps (a schedule's job). */
  void setLearningRate(double learningRate) {
    this.adam = new Adam((float) learningRate);
  }

  /** One update from the accumulated gradients; temporaries go to {@code scratch}. */
  void step(NDManager scratch) {
    if (weightDecay != 0) {
      for (Parameter p : parameters) {
        NDArray weight = p.getArray();
        NDArray grad = weight.getGradient();
        grad.attach(scratch);
        NDArray decay = weight.mul(Scalars.of(weight, weightDecay));
        decay.attach(scratch);
        grad.addi(decay);
      }
    }
    adam.update(moments, parameters, scratch);
  }
}
