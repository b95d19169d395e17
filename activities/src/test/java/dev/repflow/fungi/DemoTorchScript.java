package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.models.TorchScriptParts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The seeded demo CNN of tools/fungi_export.py, exported as TorchScript parts by Debian's torch
 * (python3-torch): 28x28 grayscale in, a 16 x 784 linear layer, a 16-dim embedding out.
 */
final class DemoTorchScript {
  static final Path EXPORT = Path.of("..", "tools", "fungi_export.py");

  private DemoTorchScript() {}

  /** Writes front.pt, layer.pt, tail.pt and parts.json into {@code dir}. */
  static void exportTo(Path dir) throws Exception {
    Process p =
        new ProcessBuilder("/usr/bin/python3", EXPORT.toString(), "--demo", dir.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "export did not finish");
    assertEquals(0, p.exitValue(), "export failed (needs python3-torch): " + out);
  }

  /** The parts exported into {@code dir}, inspected and loaded as a cut. */
  static TorchScriptCut cut(Path dir) {
    return new TorchScriptCut(TorchScriptParts.load(TorchScriptParts.inspect(dir)));
  }
}
