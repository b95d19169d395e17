package dev.repflow.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads tiny sets written by NumPy itself (Debian's /usr/bin/python3) in the CIFAR-10-C layout. */
class CifarCLayoutTest {
  private static final DatasetSpec GRAY = DatasetSpec.defaults();
  private static final int[] BOTH = {0, 1};

  @TempDir static Path dir;

  private static ImageSet read(String corruption, int severity) {
    return Datasets.corrupted(GRAY, dir, corruption, severity, BOTH);
  }

  @BeforeAll
  static void writeWithNumpy() throws Exception {
    // 5 severities x 2 images of 2x3: pixel value = 10 * row + pixel index; gray and RGB variants.
    String script =
        String.join(
            "\n",
            "import numpy as np, sys",
            "d = sys.argv[1]",
            "x = (np.arange(10)[:, None] * 10 + np.arange(6)[None, :]).astype(np.uint8)",
            "np.save(d + '/fog.npy', x.reshape(10, 2, 3))",
            "np.save(d + '/snow.npy', np.repeat(x.reshape(10, 2, 3, 1), 3, axis=3))",
            "np.save(d + '/labels.npy', np.tile(np.array([7, 3], dtype=np.int64), 5))",
            "open(d + '/broken.npy', 'wb').write(open(d + '/fog.npy', 'rb').read()[:-5])");
    Process p =
        new ProcessBuilder("/usr/bin/python3", "-c", script, dir.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
  }

  @Test
  void readsOneSeverityBlockWithItsLabels() {
    ImageSet s3 = read("fog", 3);

    assertEquals(2, s3.size());
    assertEquals(2, s3.height());
    assertEquals(3, s3.width());
    assertArrayEquals(new int[] {7, 3}, s3.labels());
    // Severity 3 holds file rows 4 and 5.
    assertEquals(40 / 255f, s3.image(0)[0], 1e-6f);
    assertEquals(55 / 255f, s3.image(1)[5], 1e-6f);
  }

  @Test
  void convertsColourToGray() {
    ImageSet gray = read("fog", 2);
    ImageSet rgb = read("snow", 2);
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(gray.image(i), rgb.image(i), 1e-5f);
    }
  }

  @Test
  void namesTheFileThatIsMissingOrCorrupt() throws Exception {
    var truncated = assertThrows(IllegalArgumentException.class, () -> read("broken", 1));
    assertTrue(truncated.getMessage().contains("broken.npy"), truncated.getMessage());

    Files.write(dir.resolve("garbage.npy"), "not numpy at all".getBytes());
    var garbage = assertThrows(IllegalArgumentException.class, () -> read("garbage", 1));
    assertTrue(
        garbage.getMessage().contains("garbage.npy is not a .npy file"), garbage.getMessage());

    var missing = assertThrows(IllegalArgumentException.class, () -> read("frost", 1));
    assertTrue(missing.getMessage().contains("frost.npy does not exist"), missing.getMessage());

    var severity = assertThrows(IllegalArgumentException.class, () -> read("fog", 0));
    assertTrue(severity.getMessage().contains("severity 0"), severity.getMessage());
    assertEquals(2, Arrays.stream(read("fog", 5).labels()).count());
  }
}
