package dev.repflow.stitching;

import static dev.repflow.testing.RandomMatrices.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repflow.linalg.Matrices;
import dev.repflow.linalg.SymmetricEigen;
import org.junit.jupiter.api.Test;

class SimilarityIndicesTest {

  @Test
  void ckaOfARepresentationWithItselfIsOneAndProcrustesZero() {
    double[][] x = gaussian(30, 7, 1);
    assertEquals(1, SimilarityIndices.linearCka(x, x), 1e-12);
    assertEquals(0, SimilarityIndices.procrustes(x, x), 1e-9);
  }

  @Test
  void bothAreInvariantToOrthogonalTransformsAndIsotropicScaling() {
    double[][] x = gaussian(30, 7, 2);
    double[][] y = gaussian(30, 5, 3);
    double[][] q =
        SymmetricEigen.of(Matrices.transposeTimes(gaussian(9, 7, 4), gaussian(9, 7, 4)))
            .vectors(); // eigenvectors of a symmetric matrix: orthogonal [7, 7]
    double[][] rotated = Matrices.times(x, q);
    for (double[] row : rotated) {
      for (int j = 0; j < row.length; j++) {
        row[j] = 3 * row[j] + 1; // scale and shift too
      }
    }
    assertEquals(SimilarityIndices.linearCka(x, y), SimilarityIndices.linearCka(rotated, y), 1e-12);
    assertEquals(1, SimilarityIndices.linearCka(x, rotated), 1e-12);
    assertEquals(
        SimilarityIndices.procrustes(x, y), SimilarityIndices.procrustes(rotated, y), 1e-9);
  }

  @Test
  void matchesNumpyReferences() {
    double[][] x = gaussian(25, 6, 5);
    double[][] y = gaussian(25, 4, 6);
    for (double[] row : y) {
      row[0] += 2 * row[1]; // some correlation structure
    }
    double[] expected =
        NumpyReference.run(
            "X = A - A.mean(0); Y = B - B.mean(0)\n"
                + "cka = np.linalg.norm(Y.T @ X)**2 / (np.linalg.norm(X.T @ X) * np.linalg.norm(Y.T @ Y))\n"
                + "Xn = X / np.linalg.norm(X); Yn = Y / np.linalg.norm(Y)\n"
                + "proc = 2 - 2 * np.linalg.norm(Xn.T @ Yn, ord='nuc')\n"
                + "print(repr(cka), repr(proc))",
            x,
            y);
    assertEquals(expected[0], SimilarityIndices.linearCka(x, y), 1e-12);
    assertEquals(expected[1], SimilarityIndices.procrustes(x, y), 1e-10);
  }
}
