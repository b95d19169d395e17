package dev.repflow.artifacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** JSON artifacts (metrics, manifests, results): pretty JSON in, verified and parsed out. */
public final class JsonArtifacts {
  public static final String FORMAT = "json";

  /** Map entries in key order: the same value gives the same bytes (and sha256) in every JVM. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private JsonArtifacts() {}

  /** Writes {@code value} as pretty JSON under {@code key} (format {@code json}, no shape). */
  public static ArtifactRef put(ArtifactStore store, String key, Object value) {
    return TempFiles.put(
        store, key, FORMAT, List.of(), file -> JSON.writeValue(file.toFile(), value));
  }

  /**
   * Downloads {@code ref}, verifies its sha256 and parses it as {@code type}.
   *
   * @throws ArtifactFormatException naming the URI when the JSON does not fit {@code type}
   */
  public static <T> T read(ArtifactStore store, ArtifactRef ref, Class<T> type) {
    Path file = store.download(ref);
    try {
      return JSON.readValue(file.toFile(), type);
    } catch (JsonProcessingException e) {
      throw new ArtifactFormatException(
          ref.uri()
              + " is not valid JSON for "
              + type.getSimpleName()
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read downloaded " + ref.uri(), e);
    } finally {
      TempFiles.deleteQuietly(file);
    }
  }
}
