package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.repflow.testing.PythonReference;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Quantile NORMpost against numpy on the same inputs, written from the formula: classes in order;
 * class c's reference is every value of the already normalized weights of classes before it; each
 * of its vectors takes, rank for rank, {@code np.quantile(reference, (i + 0.5) / D)}.
 */
class QuantileNormTest {

  @Test
  void matchesNumpyClassByClass() {
    Random random = new Random(7);
    int dim = 9;
    // 3 classes, unequal proxy counts, rows interleaved as GEN=all leaves them
    int[] classOf = {1, 0, 2, 1, 0, 2, 2, 1};
    double[][] w = new double[classOf.length][dim];
    for (int p = 0; p < w.length; p++) {
      for (int d = 0; d < dim; d++) {
        w[p][d] = (classOf[p] + 1) * random.nextGaussian() + classOf[p];
      }
    }
    double[][] out = QuantileNorm.imprint(w, classOf, 3);

    double[] expected =
        PythonReference.run(
            "w = np.array("
                + PythonReference.literal(w)
                + ")\n"
                + "cls = np.array("
                + PythonReference.literal(classOf)
                + ")\n"
                + "D = w.shape[1]\n"
                + "out = w.copy()\n"
                + "done = []\n"
                + "for c in range(3):\n"
                + "    rows = np.where(cls == c)[0]\n"
                + "    if done:\n"
                + "        ref = np.concatenate([out[r] for r in done])\n"
                + "        y = np.quantile(ref, (np.arange(D) + 0.5) / D)\n"
                + "        for r in rows:\n"
                + "            out[r, np.argsort(w[r], kind='stable')] = y\n"
                + "    done.extend(rows)\n"
                + "print(' '.join(repr(v) for v in out.ravel()))");
    assertArrayEquals(
        expected, Arrays.stream(out).flatMapToDouble(Arrays::stream).toArray(), 1e-12);
    assertArrayEquals(w[1], out[1], 0.0); // the first class is imprinted as it is
  }

  @Test
  void aVectorKeepsOnlyItsOrder() {
    // class 0 = 0..9 is the reference of class 1; D = 10 -> levels 0.05, 0.15, .., 0.95 ->
    // quantiles 0.45, 1.35, .., 8.55 (linear interpolation between the sorted values)
    double[] reference = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] row = {30, -2, 7, 7.5, 1, 0.5, 3, 4, 5, 6};
    double[][] out = QuantileNorm.imprint(new double[][] {reference, row}, new int[] {0, 1}, 2);
    double[] q = new double[10];
    for (int i = 0; i < 10; i++) {
      q[i] = 0.45 + 0.9 * i;
    }
    assertArrayEquals(q, QuantileNorm.quantiles(reference, 10), 1e-12);
    // ranks of row: 30 -> 9, -2 -> 0, 7 -> 7, 7.5 -> 8, 1 -> 2, 0.5 -> 1, 3 -> 3, ...
    double[] expected = {q[9], q[0], q[7], q[8], q[2], q[1], q[3], q[4], q[5], q[6]};
    assertArrayEquals(expected, out[1], 1e-12);
  }
}
