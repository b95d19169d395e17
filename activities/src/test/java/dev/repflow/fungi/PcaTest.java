package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.repflow.testing.PythonReference;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PCA against NumPy's SVD, with more samples than dimensions and fewer. */
class PcaTest {

  @Test
  void projectionsMatchNumpySvdUpToSignInBothRegimes() {
    for (int[] nd : new int[][] {{40, 12}, {12, 40}}) {
      float[][] x = randomRows(nd[0], nd[1], 3);
      Pca pca;
      float[][] mine;
      try (NDManager manager = NDManager.newBaseManager()) {
        pca = Pca.fit(manager, x, 6);
        mine = pca.transform(manager, x);
      }
      double[] python =
          PythonReference.run(
              """
              x = np.array(%s, dtype=np.float64)
              c = x - x.mean(axis=0)
              _, _, vt = np.linalg.svd(c, full_matrices=False)
              print(*(c @ vt[:6].T).ravel())
              """
                  .formatted(PythonReference.literal(x)));
      assertEquals(6, pca.dims());
      for (int c = 0; c < 6; c++) {
        double sign = Math.signum(python[c]) * Math.signum(mine[0][c]);
        for (int i = 0; i < x.length; i++) {
          double diff = Math.abs(python[i * 6 + c] - sign * mine[i][c]);
          assertTrue(diff < 1e-4, nd[0] + "x" + nd[1] + " component " + c + ": " + diff);
        }
      }
    }
  }

  private static float[][] randomRows(int n, int d, long seed) {
    Random random = new Random(seed);
    float[][] x = new float[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = (float) (random.nextGaussian() * (1 + j % 5));
      }
    }
    return x;
  }
}
