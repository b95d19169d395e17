package dev.repflow.worker.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, driven from its command line: the page as the browser built it (after
 * parsing, styles and any script) and screenshots. CI installs it ({@code .ci/run}).
 */
final class Chromium {
  static final Path BINARY =
      Path.of(System.getenv().getOrDefault("REPFLOW_CHROMIUM", "/usr/bin/chromium"));

  private Chromium() {}

  /** Fails the test, naming the package to install, when there is no Chromium. */
  static void require() {
    assertTrue(
        Files.isExecutable(BINARY),
        BINARY
            + " is missing: this test drives a real browser; `apt-get install chromium`"
            + " (or set REPFLOW_CHROMIUM)");
  }

  /** The DOM after loading {@code page}. */
  static String dumpDom(URI page) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", page.toString()));
  }

  /** Writes a PNG of {@code page} at 1400 x 1000 to {@code file}. */
  static void screenshot(URI page, Path file) throws IOException, InterruptedException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    run(
        List.of(
            "--screenshot=" + file.toAbsolutePath(),
            "--window-size=1400,1000",
            "--hide-scrollbars",
            page.toString()));
    assertTrue(Files.size(file) > 1000, "screenshot " + file + " is empty");
  }

  private static String run(List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("repflow-chromium");
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  BINARY.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--no-first-run",
                  "--user-data-dir=" + profile));
      command.addAll(args);
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = process.getInputStream().readAllBytes();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "chromium did not finish in 60 s");
      assertEquals(0, process.exitValue(), "chromium " + args);
      return new String(out, StandardCharsets.UTF_8);
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
