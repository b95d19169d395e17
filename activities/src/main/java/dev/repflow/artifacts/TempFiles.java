package dev.repflow.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The temp files artifact I/O goes through: one per write or read, deleted whatever happens. */
public final class TempFiles {
  private static final Logger log = LoggerFactory.getLogger(TempFiles.class);

  /** Fills a fresh temp file (it exists and is empty). */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path file) throws IOException;
  }

  private TempFiles() {}

  /**
   * Writes an artifact in one PUT: {@code content} fills a temp file, which is stored under {@code
   * key} and then deleted.
   *
   * @param shape the artifact's shape, e.g. {@code [rows, columns]}; empty for text and JSON
   */
  public static ArtifactRef put(
      ArtifactStore store, String key, String format, List<Long> shape, Content content) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("repflow-", "." + format);
      content.writeTo(tmp);
      return store.put(key, tmp, format, shape);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + format + " artifact " + key, e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** Deletes a temp file; a failure is logged, not thrown, so it cannot hide the real error. */
  public static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Cannot delete temp file {}: {}", file, e.toString());
    }
  }
}
