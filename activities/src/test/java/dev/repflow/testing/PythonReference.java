package dev.repflow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Independent reference values for maths tests, computed by Debian's {@code /usr/bin/python3}
 * (python3-numpy, python3-torch; the {@code python3} first on PATH may lack them).
 */
public final class PythonReference {
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  private PythonReference() {}

  /** Runs {@code script} with numpy imported as np; returns the numbers it prints. */
  public static double[] run(String script) {
    assertTrue(
        Files.isExecutable(PYTHON),
        PYTHON + " is missing; install Debian's python3-numpy for the reference checks");
    try {
      Process p = new ProcessBuilder(PYTHON.toString(), "-").redirectErrorStream(true).start();
      p.getOutputStream()
          .write(("import numpy as np\n" + script + "\n").getBytes(StandardCharsets.UTF_8));
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

  /** Rows as a Python literal, e.g. {@code [[1.0,2.0],[3.0,4.0]]}. */
  public static String literal(double[][] rows) {
    return Arrays.stream(rows)
        .map(
            r ->
                Arrays.stream(r)
                    .mapToObj(Double::toString)
                    .collect(Collectors.joining(",", "[", "]")))
        .collect(Collectors.joining(",", "[", "]"));
  }

  /** Float rows as a Python literal, with enough digits to round-trip float32. */
  public static String literal(float[][] rows) {
    return Arrays.stream(rows)
        .map(
            r -> {
              StringBuilder b = new StringBuilder("[");
              for (int j = 0; j < r.length; j++) {
                b.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.9g", r[j]));
              }
              return b.append(']').toString();
            })
        .collect(Collectors.joining(",", "[", "]"));
  }

  public static String literal(long[] values) {
    return Arrays.toString(values);
  }

  /** Writes rows as raw little-endian float32 ({@code np.fromfile(f, '<f4')}), row-major. */
  public static void writeFloat32(Path file, float[][] rows) throws IOException {
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(rows.length * rows[0].length * 4)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (float[] row : rows) {
      for (float v : row) {
        b.putFloat(v);
      }
    }
    Files.write(file, b.array());
  }

  public static String literal(int[] values) {
    return Arrays.toString(values);
  }

  /** A float vector as a Python list, with enough digits to round-trip float32. */
  public static String literal(float[] values) {
    return literal(new float[][] {values}).replaceAll("^\\[|\\]$", "");
  }

  /** Values as a Python list literal that round-trips doubles. */
  public static String literal(double[] values) {
    return Arrays.stream(values)
        .mapToObj(Double::toString)
        .collect(Collectors.joining(",", "[", "]"));
  }

  /**
   * Writes {@code values} as little-endian float32 to {@code file}, for arrays too large for a
   * literal.
   *
   * @return the Python expression that reads them back as a flat numpy array
   */
  public static String floats(Path file, float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    try {
      Files.write(file, bytes.array());
    } catch (IOException e) {
      throw new AssertionError("cannot write " + file, e);
    }
    return "np.fromfile('" + file.toAbsolutePath() + "', dtype='<f4')";
  }
}
