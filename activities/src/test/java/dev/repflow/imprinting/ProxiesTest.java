package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.repflow.testing.PythonReference;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** GEN against IMPRINT's definitions. */
class ProxiesTest {

  @Test
  void leastSquaresMatchesNumpyFromTheFormula() {
    Random random = new Random(3);
    int n = 14;
    double[][] x = new double[n][4];
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i % 3 == 0 ? 0 : (i % 3 == 1 ? 1 : 2);
      for (int d = 0; d < 4; d++) {
        x[i][d] = random.nextGaussian() + (d == rows[i] ? 2 : 0);
      }
    }
    Proxies p = Proxies.generate("ls", 0, 0.05, 0, x, rows, 3);
    // W = (1/C) M^T (Sigma_T + mu mu^T + lambda I)^-1, Sigma_T the covariance about mu (1/N)
    double[] expected =
        PythonReference.run(
            "X = np.array("
                + PythonReference.literal(x)
                + ")\ny = np.array("
                + PythonReference.literal(rows)
                + ")\nmu = X.mean(0)\n"
                + "S = (X - mu).T @ (X - mu) / len(X)\n"
                + "M = np.stack([X[y == c].mean(0) for c in range(3)], 1)\n"
                + "W = M.T @ np.linalg.inv(S + np.outer(mu, mu) + 0.05 * np.eye(4)) / 3\n"
                + "print(' '.join(repr(v) for v in W.ravel()))");
    assertArrayEquals(
        expected, Arrays.stream(p.vectors()).flatMapToDouble(Arrays::stream).toArray(), 1e-10);
    assertArrayEquals(new int[] {0, 1, 2}, p.classOf());
  }

  @Test
  void kMeansWithFewerSamplesThanProxiesKeepsTheSamples() {
    double[][] x = {{1, 2}, {3, 4}, {5, 6}};
    Proxies p = Proxies.generate("kmeans", 5, 0, 9, x, new int[] {0, 0, 1}, 2);
    assertSame(x[0], p.vectors()[0]);
    assertArrayEquals(new int[] {0, 0, 1}, p.classOf());
  }
}
