package dev.repflow.stitching;

import static dev.repflow.testing.RandomMatrices.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.linalg.Matrices;
import org.junit.jupiter.api.Test;

class DirectMatchingTest {

  @Test
  void recoversAKnownAffineMapExactly() {
    double[][] x = gaussian(50, 6, 1);
    double[][] w = gaussian(6, 4, 2);
    double[] b = {0.5, -1, 2, 0};
    double[][] y = Matrices.times(x, w);
    for (double[] row : y) {
      for (int j = 0; j < b.length; j++) {
        row[j] += b[j];
      }
    }

    DirectMatching.StitchMap fit = DirectMatching.fit(x, y);

    assertTrue(NumpyReference.maxAbsDiff(w, fit.weights()) < 1e-9);
    assertArrayEquals(b, fit.bias(), 1e-9);
  }

  @Test
  void underdeterminedFitIsNumpysMinimumNormPinvSolution() {
    double[][] x = gaussian(8, 12, 3); // K = 8 < D + 1 = 13
    double[][] y = gaussian(8, 3, 4);

    DirectMatching.StitchMap fit = DirectMatching.fit(x, y);

    double[] expected =
        NumpyReference.run(
            "Xa = np.hstack([A, np.ones((A.shape[0], 1))])\n"
                + "print(' '.join(repr(v) for v in (np.linalg.pinv(Xa) @ B).ravel()))",
            x,
            y);
    double[][] actual = new double[13][];
    System.arraycopy(fit.weights(), 0, actual, 0, 12);
    actual[12] = fit.bias();
    assertArrayEquals(expected, NumpyReference.flat(actual), 1e-8);
  }

  @Test
  void truncatedFrontGivesTheSameFitAsRegressingOnItsPrincipalCoordinates() {
    double[][] x = gaussian(40, 10, 5);
    double[][] y = gaussian(40, 2, 6);
    PrincipalSubspace subspace = PrincipalSubspace.fit(x, 3, "x");

    DirectMatching.StitchMap truncated = DirectMatching.fit(subspace.truncate(x), y);
    DirectMatching.StitchMap coordinates = DirectMatching.fit(subspace.project(x), y);

    double[][] viaTruncated = Matrices.times(subspace.truncate(x), truncated.weights());
    double[][] viaCoordinates = Matrices.times(subspace.project(x), coordinates.weights());
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(
            viaCoordinates[i][j] + coordinates.bias()[j],
            viaTruncated[i][j] + truncated.bias()[j],
            1e-9);
      }
    }
  }
}
