package dev.repflow.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.testing.PythonReference;
import dev.repflow.testing.RandomMatrices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The logistic probe against numpy's Adam and on separable data. */
class LogisticProbeTest {

  @Test
  void probeSeparatesShiftedClasses() {
    float[][] x = RandomMatrices.shiftedGaussian(200, 4, 5, 8);
    long[] y = new long[200];
    for (int i = 0; i < 200; i++) {
      y[i] = 5 + i % 2;
    }
    long[] predicted = LogisticProbe.fit(x, y, 200, 0.05, 1e-4).predict(x);
    int correct = 0;
    for (int i = 0; i < 200; i++) {
      correct += predicted[i] == y[i] ? 1 : 0;
    }
    assertEquals(1.0, correct / 200.0, 0.03);
  }

  @Test
  void probeFollowsAdamAsNumpyComputesIt() {
    float[][] x = RandomMatrices.shiftedGaussian(2100, 4, 6, 1.5); // more than two row blocks
    long[] y = new long[2100];
    for (int i = 0; i < 2100; i++) {
      y[i] = 7 + i % 3;
    }
    double[][] mine = LogisticProbe.fit(x, y, 40, 0.05, 1e-2).probabilities(x);
    double[] ref =
        PythonReference.run(
            String.join(
                "\n",
                "x = np.array(" + PythonReference.literal(x) + ")",
                "y = np.array(" + PythonReference.literal(y) + ")",
                "t = (y[:, None] == np.unique(y)[None]).astype(float)",
                "w, b = np.zeros((3, 4)), np.zeros(3)",
                "m, v = [np.zeros((3, 4)), np.zeros(3)], [np.zeros((3, 4)), np.zeros(3)]",
                "def probs():",
                "    z = x @ w.T + b",
                "    e = np.exp(z - z.max(1, keepdims=True))",
                "    return e / e.sum(1, keepdims=True)",
                "for s in range(1, 41):",
                "    d = (probs() - t) / len(x)",
                "    for i, (p, g) in enumerate(zip((w, b), (d.T @ x + 1e-2 * w, d.sum(0)))):",
                "        m[i] = 0.9 * m[i] + 0.1 * g",
                "        v[i] = 0.999 * v[i] + 0.001 * g * g",
                "        p -= 0.05 * (m[i] / (1 - 0.9 ** s)) / (np.sqrt(v[i] / (1 - 0.999 ** s)) + 1e-8)",
                "print(' '.join(repr(float(v)) for v in probs().T.ravel()))"));
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < 2100; i++) {
        assertEquals(ref[k * 2100 + i], mine[k][i], 1e-9, "class " + k + " row " + i);
      }
    }
  }

  @Test
  void classRowsFitTheSameProbeAsLabelsAndReportEachStep() {
    float[][] x = RandomMatrices.shiftedGaussian(300, 3, 9, 2);
    long[] y = new long[300];
    int[] rows = new int[300];
    for (int i = 0; i < 300; i++) {
      rows[i] = i % 2;
      y[i] = 40 + 2 * rows[i];
    }
    List<Integer> steps = new ArrayList<>();
    LogisticProbe byRows = LogisticProbe.fit(x, rows, 2, 25, 0.1, 1e-3, steps::add);
    LogisticProbe byLabels = LogisticProbe.fit(x, y, 25, 0.1, 1e-3);
    assertEquals(IntStream.rangeClosed(1, 25).boxed().toList(), steps);
    assertArrayEquals(byLabels.weights(), byRows.weights());
    assertArrayEquals(byLabels.bias(), byRows.bias());
    float[][] far = {{-9, -9, -9}, {9, 9, 9}};
    assertArrayEquals(new long[] {40, 42}, byLabels.predict(far));
  }

  @Test
  void aClassWithoutSamplesIsNeverPredicted() {
    float[][] x = RandomMatrices.shiftedGaussian(300, 3, 9, 2);
    int[] rows = new int[300];
    for (int i = 0; i < 300; i++) {
      rows[i] = 2 * (i % 2); // rows 0 and 2; row 1 has no samples
    }
    long[] predicted = LogisticProbe.fit(x, rows, 3, 50, 0.1, 0, step -> {}).predict(x);
    assertTrue(Arrays.stream(predicted).noneMatch(p -> p == 1));
  }
}
