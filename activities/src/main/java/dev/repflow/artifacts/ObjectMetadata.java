package dev.repflow.artifacts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metadata every stored artifact carries ({@code sha256}, {@code format}, {@code shape} as
 * {@code "120,128"}), shared by the S3 and local stores so both read and write the same fields.
 */
final class ObjectMetadata {
  private static final Logger log = LoggerFactory.getLogger(ObjectMetadata.class);

  static final String SHA256 = "sha256";
  static final String FORMAT = "format";
  static final String SHAPE = "shape";

  private ObjectMetadata() {}

  /** Metadata for a new object; {@code shape} is left out when empty. */
  static Map<String, String> of(String sha256, String format, List<Long> shape) {
    Map<String, String> meta = new HashMap<>();
    meta.put(SHA256, sha256);
    meta.put(FORMAT, format);
    if (shape != null && !shape.isEmpty()) {
      meta.put(SHAPE, shape.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
    return meta;
  }

  /**
   * Reference of an existing object, or empty when its metadata lacks a valid sha256 or format:
   * such an object was not written by a store's put, so it must not count as a cache hit.
   */
  static Optional<ArtifactRef> toRef(String uri, long bytes, Map<String, String> meta) {
    String sha256 = meta.get(SHA256);
    String format = meta.get(FORMAT);
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}") || format == null) {
      log.warn("Ignoring {}: no valid sha256/format metadata", uri);
      return Optional.empty();
    }
    return Optional.of(
        new ArtifactRef(uri, sha256, bytes, parseShape(uri, meta.get(SHAPE)), format));
  }

  private static List<Long> parseShape(String uri, String shape) {
    if (shape == null || shape.isBlank()) {
      return List.of();
    }
    try {
      return Stream.of(shape.split(",")).map(s -> Long.parseLong(s.trim())).toList();
    } catch (NumberFormatException e) {
      throw new ArtifactFormatException("artifact " + uri + " has malformed shape " + shape, e);
    }
  }
}
