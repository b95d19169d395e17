package dev.repflow.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** UTF-8 text artifacts (HTML, SVG, CSV): written in one PUT, read back verified. */
public final class TextArtifacts {
  private TextArtifacts() {}

  /** Writes {@code text} under {@code key} with {@code format}, e.g. {@code svg}. */
  public static ArtifactRef put(ArtifactStore store, String key, String text, String format) {
    return TempFiles.put(
        store,
        key,
        format,
        List.of(),
        file -> Files.writeString(file, text, StandardCharsets.UTF_8));
  }

  /** Downloads {@code ref}, verifies its sha256 and returns its text. */
  public static String read(ArtifactStore store, ArtifactRef ref) {
    Path file = store.download(ref);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read downloaded " + ref.uri(), e);
    } finally {
      TempFiles.deleteQuietly(file);
    }
  }
}
