package dev.repflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Small 32x32 RGB datasets from real FashionMNIST images, written by {@code
 * tools/sample_datasets.py} with Debian's python3 in one of repflow's formats.
 */
public final class SampleDatasets {
  private static final Path SCRIPT = Path.of("..", "tools", "sample_datasets.py");

  private SampleDatasets() {}

  /**
   * Writes {@code format} ({@code imagefolder}, {@code cifar10}, {@code cifar100}, {@code npy})
   * into {@code dir}: the first {@code classes} FashionMNIST classes, {@code train} and {@code
   * test} images per class; {@code extra} are further options of the script (e.g. {@code --ext
   * jpg}).
   */
  public static Path write(
      String format, Path dir, int classes, int train, int test, String... extra) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "/usr/bin/python3",
                SCRIPT.toString(),
                format,
                dir.toString(),
                "--classes",
                String.valueOf(classes),
                "--train-per-class",
                String.valueOf(train),
                "--test-per-class",
                String.valueOf(test)));
    command.addAll(List.of(extra));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "sample_datasets.py did not finish");
      assertEquals(0, p.exitValue(), "sample_datasets.py failed (needs numpy, Pillow): " + out);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return dir;
  }
}
