package dev.repflow.linalg;

import static dev.repflow.testing.RandomMatrices.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.testing.PythonReference;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {
  @Test
  void matchesNumpyEigenvaluesAndReconstructsTheMatrix() {
    double[][] g = gaussian(20, 12, 1);
    double[][] a = Matrices.transposeTimes(g, g); // [12, 12] symmetric PSD

    SymmetricEigen eig = SymmetricEigen.of(a);

    double[] expected =
        PythonReference.run(
            "A = np.array("
                + PythonReference.literal(a)
                + ")\nprint(' '.join(repr(v) for v in np.linalg.eigvalsh(A)[::-1]))");
    assertArrayEquals(expected, eig.values(), 1e-10);
    double[][] scaled = new double[12][12];
    for (int i = 0; i < 12; i++) {
      for (int k = 0; k < 12; k++) {
        scaled[i][k] = eig.vectors()[i][k] * eig.values()[k];
      }
    }
    double[][] back = Matrices.timesTranspose(scaled, eig.vectors());
    for (int i = 0; i < 12; i++) {
      assertArrayEquals(a[i], back[i], 1e-10);
    }
  }

  @Test
  void vectorsAreOrthonormalWithTheirLargestEntryPositive() {
    double[][] g = gaussian(30, 9, 2);
    SymmetricEigen eig = SymmetricEigen.of(Matrices.transposeTimes(g, g));
    double[][] gram = Matrices.transposeTimes(eig.vectors(), eig.vectors());
    for (int k = 0; k < 9; k++) {
      double max = 0;
      double signed = 0;
      for (int i = 0; i < 9; i++) {
        assertEquals(i == k ? 1 : 0, gram[i][k], 1e-12);
        if (Math.abs(eig.vectors()[i][k]) > max) {
          max = Math.abs(eig.vectors()[i][k]);
          signed = eig.vectors()[i][k];
        }
      }
      assertTrue(signed > 0, "column " + k);
    }
  }

  @Test
  void choleskySolveMatchesTheSystem() {
    double[][] g = gaussian(15, 5, 3);
    double[][] a = Matrices.transposeTimes(g, g);
    double[][] b = gaussian(5, 2, 4);
    double[][] x = Matrices.solvePositiveDefinite(a, b);
    double[][] back = Matrices.times(a, x);
    for (int i = 0; i < 5; i++) {
      assertArrayEquals(b[i], back[i], 1e-10);
    }
  }
}
