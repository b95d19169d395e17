package dev.repflow.fungi;

import dev.repflow.artifacts.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Content checksums of an exported TorchScript backbone, for cache keys. */
final class TorchScriptParts {
  private TorchScriptParts() {}

  /**
   * Part name to sha256 of {@code dir}/{@code part}.pt.
   *
   * @throws IllegalArgumentException naming the file when a part is missing or unreadable
   */
  static Map<String, String> checksums(Path dir) {
    Map<String, String> sums = new TreeMap<>();
    for (String part : TorchScriptCut.PARTS) {
      Path file = dir.resolve(part + ".pt");
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException(
            "torchscript: backbone file "
                + file
                + " is missing or unreadable (export it with tools/fungi_export.py)");
      }
      sums.put(part, Sha256.of(file));
    }
    return sums;
  }
}
