package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.eval.KnnClassifier;
import dev.repflow.testing.PythonReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * repflow's PCA, kNN and retrieval mAP against scikit-learn / numpy on real data (FashionMNIST
 * pixels, 3000 train and 1000 test images of all ten classes, PCA to 64 dimensions): the same kNN
 * predictions, PCA coordinates within 1e-4.
 */
class SklearnAgreementTest {
  private static final List<Integer> CLASSES = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  private static final int K = 20;
  private static final int PCA_DIMS = 64;

  @Test
  void pcaKnnAndRetrievalAgreeWithSklearn(@TempDir Path dir) throws IOException {
    DatasetSpec data = DatasetSpec.fashionMnist(null, 300, 100);
    ImageSet train = Datasets.load(data, Split.TRAIN, CLASSES);
    ImageSet test = Datasets.load(data, Split.TEST, CLASSES);
    float[][] x = rows(train);
    float[][] q = rows(test);
    long[] trainLabels = Arrays.stream(train.labels()).asLongStream().toArray();
    long[] testLabels = Arrays.stream(test.labels()).asLongStream().toArray();
    float[][] xp;
    float[][] qp;
    long[] predicted;
    double map;
    try (NDManager m = NDManager.newBaseManager()) {
      Pca pca = Pca.fit(m, x, PCA_DIMS);
      xp = pca.transform(m, x);
      qp = pca.transform(m, q);
      predicted = new KnnClassifier(m, K).predict(xp, trainLabels, qp, done -> {});
      map = RetrievalMap.of(m, xp, trainLabels, qp, testLabels);
    }
    for (var e : List.of(entry("x", x), entry("q", q), entry("xp", xp), entry("qp", qp))) {
      PythonReference.writeFloat32(dir.resolve(e.getKey()), e.getValue());
    }
    double[] ref =
        PythonReference.run(
            String.join(
                "\n",
                "from sklearn.decomposition import PCA",
                "from sklearn.neighbors import KNeighborsClassifier",
                "def load(name, d):",
                "    return np.fromfile('" + dir + "/' + name, dtype='<f4').reshape(-1, d)",
                "x, q = load('x', 784).astype(np.float64), load('q', 784).astype(np.float64)",
                "xp, qp = load('xp', " + PCA_DIMS + "), load('qp', " + PCA_DIMS + ")",
                "yt = np.array(" + PythonReference.literal(trainLabels) + ")",
                "yq = np.array(" + PythonReference.literal(testLabels) + ")",
                "ref = PCA(n_components=" + PCA_DIMS + ", svd_solver='full').fit(x).transform(q)",
                "sign = np.sign((ref * qp).sum(0))  # components are defined up to sign",
                "pca_diff = np.abs(ref * sign - qp).max()",
                "xp64, qp64 = xp.astype(np.float64), qp.astype(np.float64)",
                "knn = KNeighborsClassifier(n_neighbors=" + K + ", algorithm='brute')",
                "pred = knn.fit(xp64, yt).predict(qp64)",
                "d = (qp64 ** 2).sum(1)[:, None] - 2 * qp64 @ xp64.T + (xp64 ** 2).sum(1)[None]",
                "aps = []",
                "for i in range(len(qp64)):",
                "    rel, other = np.sort(d[i, yt == yq[i]]), np.sort(d[i, yt != yq[i]])",
                "    ranks = np.arange(1, len(rel) + 1) + np.searchsorted(other, rel, 'left')",
                "    aps.append(np.mean(np.arange(1, len(rel) + 1) / ranks))",
                "print(pca_diff, np.mean(aps), ' '.join(str(v) for v in pred))"));
    assertTrue(ref[0] < 1e-4, "PCA coordinates differ from sklearn's by " + ref[0]);
    assertEquals(ref[1], map, 1e-5, "retrieval mAP");
    long[] sklearn = Arrays.stream(ref, 2, ref.length).mapToLong(v -> (long) v).toArray();
    assertArrayEquals(sklearn, predicted, "kNN predictions");
  }

  private static java.util.Map.Entry<String, float[][]> entry(String name, float[][] rows) {
    return java.util.Map.entry(name, rows);
  }

  private static float[][] rows(ImageSet images) {
    float[][] out = new float[images.size()][];
    for (int i = 0; i < images.size(); i++) {
      out[i] = images.image(i);
    }
    return out;
  }
}
