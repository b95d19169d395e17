package dev.repflow.stitching;

import static dev.repflow.stitching.NumpyReference.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

  @Test
  void matchesNumpyEigenvaluesAndReconstructsTheMatrix() {
    double[][] g = gaussian(20, 12, 1);
    double[][] a = Matrices.transposeTimes(g, g); // [12, 12] symmetric PSD

    SymmetricEigen eig = SymmetricEigen.of(a);

    double[] expected =
        NumpyReference.run("print(' '.join(repr(v) for v in np.linalg.eigvalsh(A)[::-1]))", a);
    assertArrayEquals(expected, eig.values(), 1e-10);
    double[][] scaled = new double[12][12];
    for (int i = 0; i < 12; i++) {
      for (int k = 0; k < 12; k++) {
        scaled[i][k] = eig.vectors()[i][k] * eig.values()[k];
      }
    }
    assertTrue(
        NumpyReference.maxAbsDiff(a, Matrices.timesTranspose(scaled, eig.vectors())) < 1e-10);
  }
}
