package dev.repflow.stitching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
}
