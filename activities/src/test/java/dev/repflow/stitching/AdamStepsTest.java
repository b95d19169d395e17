package dev.repflow.stitching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.repflow.testing.PythonReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamStepsTest {

  @Test
  void weightDecayAndARateChangeFollowTorchAdam() {
    // A minimum away from 0, so the decay term is not proportional to the gradient (Adam would
    // not see it otherwise).
    float[] start = {0.5f, -1.5f, 2f};
    float[] scale = {1f, 3f, 0.5f};
    double[] expected =
        PythonReference.run(
            String.format(
                "import torch%n"
                    + "w = torch.tensor(%s, requires_grad=True)%na = torch.tensor(%s)%n"
                    + "opt = torch.optim.Adam([w], lr=0.1, weight_decay=0.05)%n"
                    + "for step in range(4):%n"
                    + "    if step == 2:%n"
                    + "        opt.param_groups[0]['lr'] = 0.01%n"
                    + "    opt.zero_grad()%n"
                    + "    (a * (w - 1) * (w - 1)).sum().backward()%n"
                    + "    opt.step()%n"
                    + "for v in w.tolist(): print(v)%n",
                PythonReference.literal(start), PythonReference.literal(scale)));

    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray w = manager.create(start);
      NDArray a = manager.create(scale);
      AdamSteps adam = new AdamSteps(List.of(w), 0.1, 0.05, manager);
      for (int step = 0; step < 4; step++) {
        if (step == 2) {
          adam.setLearningRate(0.01);
        }
        try (NDManager scratch = manager.newSubManager()) {
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(a.mul(w.sub(1)).mul(w.sub(1)).sum());
          }
          adam.step(scratch);
        }
      }
      float[] got = w.toFloatArray();
      double[] actual = {got[0], got[1], got[2]};
      assertArrayEquals(expected, actual, 1e-6);
    }
  }
}
