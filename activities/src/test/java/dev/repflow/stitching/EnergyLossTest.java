package dev.repflow.stitching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.repflow.models.GradMode;
import dev.repflow.testing.GcPressure;
import dev.repflow.testing.PythonReference;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnergyLossTest {

  @Test
  void matchesAHandComputation() {
    try (NDManager m = NDManager.newBaseManager()) {
      // ID logits: energies -log(e^30 + e^0) ~ -30 (below m_in: no penalty) and -log(2 e^-20)
      float[] in = {30, 0, -20, -20};
      float[] out = {-5, -5}; // energy 5 - log 2 > m_out = -7: no penalty
      float[] outLow = {10, 10}; // energy -10 - log 2 < m_out: penalty (m_out - E)^2
      var inLogits = m.create(in, new Shape(2, 2));
      var targets = m.create(new long[] {0, 1});
      double e0 = -(30 + Math.log(1 + Math.exp(-30)));
      double e1 = 20 - Math.log(2);
      double ce = (-(30 - (30 + Math.log(1 + Math.exp(-30)))) + Math.log(2)) / 2;
      double inTerm = (Math.pow(Math.max(0, e0 + 25), 2) + Math.pow(Math.max(0, e1 + 25), 2)) / 2;
      assertEquals(e0, EnergyLoss.energy(inLogits).getFloat(0), 1e-4);
      assertEquals(ce, EnergyLoss.crossEntropy(inLogits, targets).getFloat(), 1e-5);

      double loss =
          EnergyLoss.loss(inLogits, targets, m.create(out, new Shape(1, 2)), -25, -7, 0.1)
              .getFloat();
      assertEquals(ce + 0.1 * inTerm, loss, 1e-3);

      double eOut = -(10 + Math.log(2));
      double outTerm = Math.pow(-7 - eOut, 2);
      double penalised =
          EnergyLoss.loss(inLogits, targets, m.create(outLow, new Shape(1, 2)), -25, -7, 0.1)
              .getFloat();
      assertEquals(ce + 0.1 * (inTerm + outTerm), penalised, 1e-3);
    }
  }

  @Test
  void matchesTorchWithBothMarginsActive() {
    // Logits with a spread that puts some energies on each side of both margins.
    Random random = new Random(4);
    float[][] in = new float[6][4];
    float[][] out = new float[5][4];
    for (float[][] m : new float[][][] {in, out}) {
      for (int r = 0; r < m.length; r++) {
        for (int c = 0; c < m[r].length; c++) {
          m[r][c] = (float) ((4 + 8 * r) * random.nextGaussian());
        }
      }
    }
    long[] targets = {0, 3, 1, 2, 2, 0};
    double expected =
        PythonReference.run(
            String.format(
                "import torch, torch.nn.functional as F%n"
                    + "x_in = torch.tensor(%s)%nx_out = torch.tensor(%s)%ny = torch.tensor(%s)%n"
                    + "e_in = -torch.logsumexp(x_in, 1)%ne_out = -torch.logsumexp(x_out, 1)%n"
                    + "assert (e_in > -25).any() and (e_in < -25).any() and (e_out < -7).any()%n"
                    + "loss = F.cross_entropy(x_in, y) + 0.1 * (F.relu(e_in + 25).pow(2).mean()"
                    + " + F.relu(-7 - e_out).pow(2).mean())%n"
                    + "print(loss.item())%n",
                PythonReference.literal(in),
                PythonReference.literal(out),
                PythonReference.literal(targets)))[0];
    try (NDManager m = NDManager.newBaseManager()) {
      double loss =
          EnergyLoss.loss(
                  m.create(in),
                  m.create(targets),
                  m.create(out),
                  OodSettings.M_IN,
                  OodSettings.M_OUT,
                  OodSettings.WEIGHT)
              .getFloat();
      assertEquals(expected, loss, 1e-4 * Math.max(1, Math.abs(expected)));
    }
  }

  @Test
  void gradientsAreTheSameWhileTheCollectorRuns() {
    float[] quiet = lossGradient();
    for (int round = 0; round < 3; round++) {
      assertArrayEquals(quiet, GcPressure.during(EnergyLossTest::lossGradient), "round " + round);
    }
  }

  /** Gradient of the fine-tuning loss w.r.t. in- and out-logits, both margins active. */
  private static float[] lossGradient() {
    try (NDManager m = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      var in = m.create(new float[] {30, 0, -20, -20, 5, 6}, new Shape(3, 2));
      var out = m.create(new float[] {10, 10, -5, -5}, new Shape(2, 2));
      in.setRequiresGradient(true);
      out.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        for (int i = 0; i < 20; i++) {
          collector.backward(
              EnergyLoss.loss(in, m.create(new long[] {0, 1, 1}), out, -25, -7, 0.1));
        }
      }
      return in.getGradient().concat(out.getGradient()).toFloatArray();
    }
  }
}
