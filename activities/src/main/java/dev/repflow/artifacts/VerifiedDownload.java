package dev.repflow.artifacts;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hashes an artifact's byte stream as it is read, and checks it against its reference. */
final class VerifiedDownload {

  private VerifiedDownload() {}

  /**
   * Copies {@code in} to a new temp file whose name ends with the key's extension and returns it
   * once size and sha256 match {@code ref}; on a mismatch or a failed copy the file is deleted, so
   * a corrupt artifact never lingers on disk for someone to read by mistake.
   *
   * @throws ArtifactIntegrityException when the stream ended normally with other bytes
   * @throws IOException when the stream broke (the transfer, not the object, failed)
   */
  static Path toTempFile(ArtifactRef ref, InputStream in) throws IOException {
    Path tmp = Files.createTempFile("repflow-", extension(ref.key()));
    boolean verified = false;
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        copyVerified(ref, in, out);
      }
      verified = true;
      return tmp;
    } finally {
      if (!verified) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Reads {@code in} to its end and checks it like {@link #toTempFile}, keeping nothing. */
  static void check(ArtifactRef ref, InputStream in) throws IOException {
    copyVerified(ref, in, OutputStream.nullOutputStream());
  }

  private static void copyVerified(ArtifactRef ref, InputStream in, OutputStream out)
      throws IOException {
    Counting counting = new Counting(out);
    String actual = Sha256.copy(in, counting);
    if (counting.bytes != ref.bytes() || !actual.equals(ref.sha256())) {
      throw new ArtifactIntegrityException(
          ref.uri(), ref.sha256(), ref.bytes(), actual, counting.bytes);
    }
  }

  /** {@code ".h5"} for {@code exp/step/abc.h5}; empty when the last segment has no dot. */
  private static String extension(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot);
  }

  /** Counts the bytes passing through. */
  private static final class Counting extends FilterOutputStream {
    private long bytes;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      bytes += len;
    }
  }
}
