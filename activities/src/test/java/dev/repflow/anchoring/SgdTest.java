package dev.repflow.anchoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.repflow.models.GradMode;
import dev.repflow.models.OptimizerState;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgdTest {
  private static final float LR = 0.1f;
  private static final float MOMENTUM = 0.9f;
  private static final float DECAY = 0.01f;

  @Test
  void followsPyTorchsMomentumAndWeightDecay() {
    try (NDManager manager = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      Parameter w = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
      w.setArray(manager.create(new float[] {1f, -2f}));
      w.getArray().setRequiresGradient(true);
      OptimizerState sgd = OptimizerState.zeros(List.of(w), 1, manager);

      // loss = sum(w^2): g = 2 w. Step 1: v = 2w + wd w = 2.01 w; w1 = w - lr v = 0.799 w.
      step(w, sgd, manager);
      assertArrayEquals(new float[] {0.799f, -1.598f}, w.getArray().toFloatArray(), 1e-6f);
      assertEquals(1, sgd.step());

      // Step 2: v = 0.9 * 2.01 w + 2.01 w1; w2 = w1 - lr v.
      step(w, sgd, manager);
      double v = 0.9 * 2.01 + 2.01 * 0.799;
      double expected = 0.799 - 0.1 * v;
      assertArrayEquals(
          new float[] {(float) expected, (float) (-2 * expected)},
          w.getArray().toFloatArray(),
          1e-6f);
      assertEquals(2, sgd.step());
    }
  }

  @Test
  void theScheduleSetsEachStepsRate() {
    CosineSchedule schedule = new CosineSchedule(0.1, 4);
    Sgd sgd = new Sgd(schedule, 0, 0);
    try (NDManager manager = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      Parameter w = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
      w.setArray(manager.create(new float[] {1f}));
      w.getArray().setRequiresGradient(true);
      OptimizerState state = OptimizerState.zeros(List.of(w), sgd.slots(), manager);
      double expected = 1;
      for (int k = 0; k < 3; k++) {
        try (NDManager scratch = manager.newSubManager()) {
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(w.getArray().square().sum());
          }
          sgd.update(state, List.of(w), scratch);
        }
        // Without momentum: w -= lr(k) * 2 w, the rate of the step before the update.
        expected -= (float) schedule.at(k) * 2 * expected;
      }
      assertEquals(expected, w.getArray().getFloat(0), 1e-6);
    }
  }

  private static void step(Parameter w, OptimizerState sgd, NDManager manager) {
    try (NDManager scratch = manager.newSubManager()) {
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = w.getArray().square().sum();
        collector.backward(loss);
      }
      Sgd.step(sgd, List.of(w), LR, MOMENTUM, DECAY, scratch);
    }
  }
}
