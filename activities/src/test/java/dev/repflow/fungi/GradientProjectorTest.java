package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class GradientProjectorTest {
  private static final int OUT = 6;
  private static final int IN = 9; // 8 inputs + bias

  private static ProjectionPlan plan(String scheme, int dim) {
    return ProjectionPlan.of(new ProjectionSpec(scheme, dim, 7L), "fc", OUT, IN);
  }

  @Test
  void denseMatrixIsSeededSignsScaledByTheRootOfItsWidth() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray r = RandomProjection.dense(m, plan("dense", 16));
      assertEquals(new Shape(OUT * IN, 16), r.getShape());
      assertTrue(r.abs().sub(0.25f).abs().max().getFloat() < 1e-7);
      double mean = r.mean().getFloat() / 0.25;
      assertTrue(Math.abs(mean) < 0.15, "signs should be balanced, mean " + mean);
      assertEquals(0, r.sub(RandomProjection.dense(m, plan("dense", 16))).abs().max().getFloat());
    }
  }

  @Test
  void denseProjectsTheFlattenedOuterProductSums() {
    try (NDManager m = NDManager.newBaseManager()) {
      m.getEngine().setRandomSeed(1);
      NDArray dz = m.randomNormal(new Shape(3, 2, OUT));
      NDArray h = m.randomNormal(new Shape(3, 2, IN - 1));
      try (GradientProjector projector = new GradientProjector(m, plan("dense", 16))) {
        NDArray projected = projector.project(dz, h);
        // By hand for sample 1: G = sum_v dz_v [h_v, 1]^T, then vec(G) R.
        NDArray hb = h.get(1).concat(m.ones(new Shape(2, 1)), 1);
        NDArray g = dz.get(1).transpose().matMul(hb).reshape(1, OUT * IN);
        NDArray expected = g.matMul(RandomProjection.dense(m, projector.plan()));
        assertTrue(projected.get(1).sub(expected.squeeze()).abs().max().getFloat() < 1e-4);
      }
    }
  }

  @Test
  void kroneckerEqualsDenseProjectionWithTheKroneckerProductMatrix() {
    try (NDManager m = NDManager.newBaseManager()) {
      m.getEngine().setRandomSeed(2);
      NDArray dz = m.randomNormal(new Shape(4, 3, OUT));
      NDArray h = m.randomNormal(new Shape(4, 3, IN - 1));
      ProjectionPlan plan = plan("kronecker", 12);
      assertEquals(3, plan.outputFactor()); // 12 = 3 x 4, closest to sqrt(12)
      try (GradientProjector projector = new GradientProjector(m, plan)) {
        NDArray fast = projector.project(dz, h);
        NDList sides = RandomProjection.kronecker(m, plan);
        NDArray kron =
            sides
                .get(0)
                .reshape(OUT, 1, 3, 1)
                .mul(sides.get(1).reshape(1, IN, 1, 4))
                .reshape(OUT * IN, 12);
        NDArray hb = h.concat(m.ones(new Shape(4, 3, 1)), 2);
        NDArray full = GradientProjector.fullGradients(dz, hb).reshape(4, OUT * IN);
        assertTrue(fast.sub(full.matMul(kron)).abs().max().getFloat() < 1e-4);
      }
    }
  }

  @Test
  void projectedSizeLargerThanTheGradientIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> plan("dense", OUT * IN + 1));
    assertTrue(e.getMessage().contains("gradients.projection.dim 55"), e.getMessage());
    var k = assertThrows(IllegalArgumentException.class, () -> plan("kronecker", 53));
    assertTrue(k.getMessage().contains("factorisation"), k.getMessage());
  }
}
