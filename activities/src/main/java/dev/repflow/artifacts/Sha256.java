package dev.repflow.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lower-case hex SHA-256 digests: the checksum every artifact carries. */
public final class Sha256 {

  private Sha256() {}

  /** Digest of {@code bytes}. */
  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  /** Digest of a file's content, read once in a stream. */
  public static String of(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return copy(in, OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash " + file, e);
    }
  }

  /**
   * Copies {@code in} to {@code out} and returns the digest of the copied bytes, so a download is
   * hashed in the same pass that stores it. Neither stream is closed.
   */
  public static String copy(InputStream in, OutputStream out) throws IOException {
    DigestOutputStream digesting = new DigestOutputStream(out, newDigest());
    in.transferTo(digesting);
    digesting.flush();
    return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest javadoc).
      throw new IllegalStateException("SHA-256 missing from this JVM", e);
    }
  }
}
