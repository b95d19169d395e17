package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Independent references computed by Debian's /usr/bin/python3 with numpy. */
final class NumpyReference {
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  private NumpyReference() {}

  /** Rows as numpy literal text, e.g. {@code [[1.0, 2.0], [3.0, 4.0]]}. */
  static String literal(float[][] rows) {
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

  static String literal(long[] values) {
    return Arrays.toString(values);
  }

  /** Runs {@code script} (numpy imported as np); returns its whitespace-separated numbers. */
  static double[] run(String script) throws Exception {
    assertTrue(
        Files.isExecutable(PYTHON),
        PYTHON + " is missing; install Debian's python3-numpy for the reference checks");
    Process p =
        new ProcessBuilder(PYTHON.toString(), "-c", "import numpy as np\n" + script)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python did not finish");
    assertEquals(0, p.exitValue(), out);
    return Arrays.stream(out.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
  }
}
