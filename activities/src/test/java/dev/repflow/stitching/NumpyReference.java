package dev.repflow.stitching;

import dev.repflow.testing.PythonReference;
import java.util.Arrays;

/**
 * Independent reference values from Debian's {@code /usr/bin/python3} with numpy and torch: the
 * script reads matrices from {@code A}, {@code B}, ... (given as nested lists) and prints numbers.
 */
final class NumpyReference {
  private static final String PYTHON = "/usr/bin/python3";

  private NumpyReference() {}

  /** Runs {@code script} with {@code matrices} bound to A, B, ...; returns printed numbers. */
  static double[] run(String script, double[][]... matrices) {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < matrices.length; i++) {
      code.append((char) ('A' + i))
          .append(" = np.array(")
          .append(PythonReference.literal(matrices[i]))
          .append(")\n");
    }
    return PythonReference.run(code.append(script).toString());
  }

  static double maxAbsDiff(double[][] a, double[][] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
      }
    }
    return max;
  }

  static double[] flat(double[][] m) {
    return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
  }
}
