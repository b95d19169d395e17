package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  /**
   * Dense projection is vec(G) R with G = sum_v dz_v [h_v, 1]^T, formed here by hand per sample.
   * One row per sample (KL) takes another path, which never forms G: the same map.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void denseProjectsTheFlattenedOuterProductSums(int rows) {
    try (NDManager m = NDManager.newBaseManager()) {
      m.getEngine().setRandomSeed(rows);
      NDArray dz = m.randomNormal(new Shape(3, rows, OUT));
      NDArray h = m.randomNormal(new Shape(3, rows, IN - 1));
      try (GradientProjector projector = new GradientProjector(m, plan("dense", 16))) {
        NDArray projected = projector.project(dz, h);
        assertEquals(new Shape(3, 16), projected.getShape());
        NDArray r = RandomProjection.dense(m, projector.plan());
        for (int i = 0; i < 3; i++) {
          NDArray hb = h.get(i).concat(m.ones(new Shape(rows, 1)), 1);
          NDArray g = dz.get(i).transpose().matMul(hb).reshape(1, OUT * IN);
          NDArray expected = g.matMul(r).squeeze();
          assertTrue(projected.get(i).sub(expected).abs().max().getFloat() < 1e-4, "sample " + i);
        }
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

  /**
   * Every scheme is one fixed linear map of vec(G): its [G, P] matrix, read off by projecting the
   * basis gradients e_i e_j^T, reproduces the projection of random multi-view gradients.
   */
  @ParameterizedTest
  @CsvSource({
    "dense, 6, 9, 16",
    "kronecker, 6, 9, 12",
    "khatri-rao, 6, 9, 16",
    "sketch, 6, 9, 12", // both sides kept whole: a count sketch of G itself
    "sketch, 300, 3, 12" // 300 outputs: a kronecker map to 256 first
  })
  void everySchemeIsOneLinearMapOfTheGradient(String scheme, int out, int in, int dim) {
    ProjectionPlan plan = ProjectionPlan.of(new ProjectionSpec(scheme, dim, 3L), "fc", out, in);
    int g = out * in;
    try (NDManager m = NDManager.newBaseManager();
        GradientProjector projector = new GradientProjector(m, plan)) {
      // Sample i * in + j: view 1 dz = e_i, x = e_j (nothing for the bias column), view 2 dz =
      // -e_i, x = 0 (only for weight columns) so that G = e_i e_j^T.
      float[] dz = new float[g * 2 * out];
      float[] x = new float[g * 2 * (in - 1)];
      for (int i = 0; i < out; i++) {
        for (int j = 0; j < in; j++) {
          int s = i * in + j;
          dz[(s * 2) * out + i] = 1;
          if (j < in - 1) {
            x[(s * 2) * (in - 1) + j] = 1;
            dz[(s * 2 + 1) * out + i] = -1;
          }
        }
      }
      NDArray matrix =
          projector.project(
              m.create(dz, new Shape(g, 2, out)), m.create(x, new Shape(g, 2, in - 1)));
      m.getEngine().setRandomSeed(4);
      NDArray upstream = m.randomNormal(new Shape(5, 3, out));
      NDArray inputs = m.randomNormal(new Shape(5, 3, in - 1));
      NDArray full =
          GradientProjector.fullGradients(upstream, inputs.concat(m.ones(new Shape(5, 3, 1)), 2));
      NDArray expected = full.reshape(5, g).matMul(matrix);
      NDArray actual = projector.project(upstream, inputs);
      assertEquals(new Shape(5, dim), actual.getShape());
      assertTrue(actual.sub(expected).abs().max().getFloat() < 1e-3, scheme);
    }
  }

  /** Averaged over seeds, every scheme keeps the squared norm of a rank-one gradient. */
  @ParameterizedTest
  @ValueSource(strings = {"dense", "kronecker", "khatri-rao", "sketch"})
  void squaredNormsAreKeptOnAverage(String scheme) {
    try (NDManager m = NDManager.newBaseManager()) {
      m.getEngine().setRandomSeed(5);
      NDArray dz = m.randomNormal(new Shape(1, 1, OUT));
      NDArray h = m.randomNormal(new Shape(1, 1, IN - 1));
      double norm =
          GradientProjector.fullGradients(dz, h.concat(m.ones(new Shape(1, 1, 1)), 2))
              .square()
              .sum()
              .getFloat();
      double sum = 0;
      int seeds = 400;
      for (long seed = 0; seed < seeds; seed++) {
        ProjectionPlan plan =
            ProjectionPlan.of(new ProjectionSpec(scheme, 12, seed), "fc", OUT, IN);
        try (GradientProjector projector = new GradientProjector(m, plan)) {
          sum += projector.project(dz, h).square().sum().getFloat();
        }
      }
      assertEquals(1, sum / seeds / norm, 0.1, scheme);
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
