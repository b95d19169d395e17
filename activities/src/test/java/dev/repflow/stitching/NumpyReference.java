package dev.repflow.stitching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Independent reference values from Debian's {@code /usr/bin/python3} with numpy and torch: the
 * script reads matrices from {@code A}, {@code B}, ... (given as nested lists) and prints numbers.
 */
final class NumpyReference {
  private static final String PYTHON = "/usr/bin/python3";

  private NumpyReference() {}

  /** Runs {@code script} with {@code matrices} bound to A, B, ...; returns printed numbers. */
  static double[] run(String script, double[][]... matrices) {
    StringBuilder code = new StringBuilder("import numpy as np\n");
    for (int i = 0; i < matrices.length; i++) {
      code.append((char) ('A' + i))
          .append(" = np.array(")
          .append(literal(matrices[i]))
          .append(")\n");
    }
    code.append(script).append('\n');
    try {
      Process p = new ProcessBuilder(PYTHON, "-").redirectErrorStream(true).start();
      p.getOutputStream().write(code.toString().getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python did not finish");
      assertEquals(0, p.exitValue(), out);
      return Arrays.stream(out.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    } catch (IOException e) {
      throw new AssertionError("cannot run " + PYTHON, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static String literal(double[][] m) {
    return Arrays.stream(m)
        .map(
            row ->
                Arrays.stream(row)
                    .mapToObj(Double::toString)
                    .collect(Collectors.joining(",", "[", "]")))
        .collect(Collectors.joining(",", "[", "]"));
  }

  /** Standard normal entries from {@code new Random(seed)}. */
  static double[][] gaussian(int rows, int cols, long seed) {
    Random random = new Random(seed);
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return m;
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
