package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.repflow.testing.PythonReference;
import dev.repflow.testing.RandomMatrices;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PCA, retrieval mAP and few-shot against numpy or hand-derived values. */
class EvaluationMathsTest {

  @Test
  void pcaMatchesNumpySvdUpToSign() throws Exception {
    float[][] x = RandomMatrices.shiftedGaussian(60, 6, 1, 0);
    float[][] q = RandomMatrices.shiftedGaussian(5, 6, 2, 0);
    float[][] mine;
    try (NDManager m = NDManager.newBaseManager()) {
      mine = Pca.fit(m, x, 4).transform(m, q);
    }
    double[] ref =
        PythonReference.run(
            "x = np.array("
                + PythonReference.literal(x)
                + ", dtype=np.float64)\nq = np.array("
                + PythonReference.literal(q)
                + ", dtype=np.float64)\n"
                + "m = x.mean(0)\n_, _, vt = np.linalg.svd(x - m, full_matrices=False)\n"
                + "print(' '.join(repr(float(v)) for v in np.abs((q - m) @ vt[:4].T).ravel()))");
    for (int i = 0; i < q.length; i++) {
      for (int c = 0; c < 4; c++) {
        assertEquals(ref[i * 4 + c], Math.abs(mine[i][c]), 1e-4, "row " + i + " comp " + c);
      }
    }
  }

  @Test
  void averagePrecisionByHand() {
    // Ranking by distance: labels 1, 0, 1, 0, 1 -> precisions at hits 1/1, 2/3, 3/5.
    double[] dist = {0.5, 0.2, 0.3, 0.4, 0.1};
    long[] labels = {1, 0, 1, 0, 1};
    assertEquals((1 + 2 / 3.0 + 3 / 5.0) / 3, RetrievalMap.averagePrecision(dist, labels, 1));
    // At equal distance the relevant item ranks first: 1/1, then 2/2.
    assertEquals(
        1.0, RetrievalMap.averagePrecision(new double[] {1, 1, 1}, new long[] {1, 0, 1}, 1));
  }

  @Test
  void retrievalMapMatchesNumpy() throws Exception {
    float[][] db = RandomMatrices.shiftedGaussian(40, 3, 3, 2);
    float[][] q = RandomMatrices.shiftedGaussian(7, 3, 4, 2);
    long[] dbLabels = new long[40];
    long[] qLabels = new long[7];
    for (int i = 0; i < 40; i++) {
      dbLabels[i] = i % 2;
    }
    for (int i = 0; i < 7; i++) {
      qLabels[i] = i % 2;
    }
    double mine;
    try (NDManager m = NDManager.newBaseManager()) {
      mine = RetrievalMap.of(m, db, dbLabels, q, qLabels);
    }
    double[] ref =
        PythonReference.run(
            "db = np.array("
                + PythonReference.literal(db)
                + ")\nq = np.array("
                + PythonReference.literal(q)
                + ")\ndl = np.array("
                + PythonReference.literal(dbLabels)
                + ")\nql = np.array("
                + PythonReference.literal(qLabels)
                + ")\naps = []\nfor i in range(len(q)):\n"
                + "    rel = dl[np.argsort(((db - q[i])**2).sum(1), kind='stable')] == ql[i]\n"
                + "    hits = np.cumsum(rel)\n"
                + "    aps.append((hits[rel] / (np.nonzero(rel)[0] + 1)).mean())\n"
                + "print(np.mean(aps))");
    assertEquals(ref[0], mine, 1e-9);
  }

  @Test
  void fewShotUsesTheNearestSupportMean() {
    float[][] train = {{0, 0}, {0, 1}, {10, 10}, {10, 11}};
    long[] labels = {3, 3, 7, 7};
    float[][] test = {{1, 1}, {9, 9}, {6, 6}};
    long[] truth = {3, 7, 3};
    // Support means (0, 0.5) and (10, 10.5): (6, 6) is nearer class 7, so 2 of 3 are right.
    double[] acc = FewShot.episodes(train, labels, test, truth, 2, 3, 1);
    assertArrayEquals(new double[] {2 / 3.0, 2 / 3.0, 2 / 3.0}, acc, 1e-12);
  }

  @Test
  void blocksAreNormalisedSeparatelyBeforeConcatenation() {
    float[][] a = {{3, 4}};
    float[][] b = {{0, 0, 2}};
    assertArrayEquals(
        new float[] {0.6f, 0.8f, 0, 0, 1}, FeatureBlocks.concat(List.of(a, b))[0], 1e-7f);
  }
}
