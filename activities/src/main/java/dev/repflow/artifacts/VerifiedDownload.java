package dev.repflow.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stores an artifact's byte stream in a fresh temp file, hashing as it goes, and verifies it. */
final class VerifiedDownload {

  private VerifiedDownload() {}

  /**
   * Copies {@code in} to a new temp file whose name ends with the key's extension and returns it
   * once its sha256 matches {@code ref}; on a mismatch or a failed copy the file is deleted, so a
   * corrupt artifact never lingers on disk for someone to read by mistake.
   */
  static Path toTempFile(ArtifactRef ref, InputStream in) throws IOException {
    Path tmp = Files.createTempFile("repflow-", extension(ref.key()));
    boolean verified = false;
    try {
      String actual;
      try (OutputStream out = Files.newOutputStream(tmp)) {
        actual = Sha256.copy(in, out);
      }
      if (!actual.equals(ref.sha256())) {
        throw new ArtifactIntegrityException(ref.uri(), ref.sha256(), actual);
      }
      verified = true;
      return tmp;
    } finally {
      if (!verified) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** {@code ".h5"} for {@code exp/step/abc.h5}; empty when the last segment has no dot. */
  private static String extension(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot);
  }
}
