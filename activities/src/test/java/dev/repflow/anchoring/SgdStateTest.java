package dev.repflow.anchoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.repflow.models.GradMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgdStateTest {
  private static final float LR = 0.1f;
  private static final float MOMENTUM = 0.9f;
  private static final float DECAY = 0.01f;

  @Test
  void followsPyTorchsMomentumAndWeightDecayAndSurvivesASaveLoad() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      Parameter w = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
      w.setArray(manager.create(new float[] {1f, -2f}));
      w.getArray().setRequiresGradient(true);
      SgdState sgd = SgdState.zeros(List.of(w), manager);

      // loss = sum(w^2): g = 2 w. Step 1: v = 2w + wd w = 2.01 w; w1 = w - lr v = 0.799 w.
      step(w, sgd, manager);
      assertArrayEquals(new float[] {0.799f, -1.598f}, w.getArray().toFloatArray(), 1e-6f);

      // Save and reload the buffers as a checkpoint does, then step 2 from the copy:
      // v = 0.9 * 2.01 w + 2.01 w1; w2 = w1 - lr v.
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      sgd.write(new DataOutputStream(bytes));
      SgdState restored =
          SgdState.read(
              new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), manager);
      assertEquals(1, restored.step());
      step(w, restored, manager);
      double v = 0.9 * 2.01 + 2.01 * 0.799;
      double expected = 0.799 - 0.1 * v;
      assertArrayEquals(
          new float[] {(float) expected, (float) (-2 * expected)},
          w.getArray().toFloatArray(),
          1e-6f);
      assertEquals(2, restored.step());
    }
  }

  private static void step(Parameter w, SgdState sgd, NDManager manager) {
    try (NDManager scratch = manager.newSubManager()) {
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = w.getArray().square().sum();
        collector.backward(loss);
      }
      sgd.update(List.of(w), LR, MOMENTUM, DECAY, scratch);
    }
  }
}
