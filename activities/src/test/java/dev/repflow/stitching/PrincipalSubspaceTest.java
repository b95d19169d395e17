package dev.repflow.stitching;

import static dev.repflow.testing.RandomMatrices.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrincipalSubspaceTest {

  @Test
  void wideAndNarrowPathsTruncateAlike() {
    double[][] x = gaussian(15, 40, 1); // D > N: Gram path
    double[][] viaGram = PrincipalSubspace.fit(x, 4, "x").truncate(x);
    double[][] xt = new double[15][];
    // The same data padded with rows would change the fit; instead compare with numpy's SVD.
    double[] expected =
        NumpyReference.run(
            "m = A.mean(0); U, s, Vt = np.linalg.svd(A - m, full_matrices=False)\n"
                + "T = m + (A - m) @ Vt[:4].T @ Vt[:4]\n"
                + "print(' '.join(repr(v) for v in T.ravel()))",
            x);
    assertEquals(0, maxDiff(expected, NumpyReference.flat(viaGram)), 1e-9);
    xt = gaussian(60, 5, 2); // D < N: covariance path
    double[][] narrow = PrincipalSubspace.fit(xt, 2, "x").truncate(xt);
    double[] expectedNarrow =
        NumpyReference.run(
            "m = A.mean(0); U, s, Vt = np.linalg.svd(A - m, full_matrices=False)\n"
                + "T = m + (A - m) @ Vt[:2].T @ Vt[:2]\n"
                + "print(' '.join(repr(v) for v in T.ravel()))",
            xt);
    assertEquals(0, maxDiff(expectedNarrow, NumpyReference.flat(narrow)), 1e-9);
  }

  @Test
  void aRankLargerThanTheRepresentationIsRejectedByName() {
    double[][] x = gaussian(20, 8, 3);
    var e = assertThrows(IllegalArgumentException.class, () -> PrincipalSubspace.fit(x, 9, "A.fc"));
    assertTrue(e.getMessage().contains("rank 9 is larger than the representation A.fc (8 dims)"));
    var few =
        assertThrows(
            IllegalArgumentException.class, () -> PrincipalSubspace.fit(gaussian(5, 8, 4), 6, "B"));
    assertTrue(few.getMessage().contains("needs at least 7 samples"), few.getMessage());
  }

  private static double maxDiff(double[] a, double[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
