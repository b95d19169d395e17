package dev.repflow.artifacts;

import java.util.List;
import java.util.Objects;

/**
 * Pointer to an immutable artifact in the object store: what workflows pass instead of tensors.
 *
 * @param uri {@code s3://bucket/experiment/step/cache-key.ext}
 * @param sha256 hex digest of the object's bytes; readers verify it before use
 * @param bytes object size
 * @param shape {@code [N, D]} of the {@code features} dataset for feature files; empty otherwise
 * @param format {@code hdf5}, {@code json} or {@code params} (DJL checkpoint)
 */
public record ArtifactRef(String uri, String sha256, long bytes, List<Long> shape, String format) {

  public ArtifactRef {
    Objects.requireNonNull(uri, "uri");
    if (!uri.startsWith("s3://")) {
      throw new IllegalArgumentException("artifact uri must start with s3://, got " + uri);
    }
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("artifact sha256 must be 64 hex chars, got " + sha256);
    }
    shape = shape == null ? List.of() : List.copyOf(shape);
    Objects.requireNonNull(format, "format");
  }

  /** Bucket part of the URI. */
  public String bucket() {
    String rest = uri.substring("s3://".length());
    return rest.substring(0, rest.indexOf('/'));
  }

  /** Key part of the URI (after the bucket). */
  public String key() {
    String rest = uri.substring("s3://".length());
    return rest.substring(rest.indexOf('/') + 1);
  }

  /** Rows of a feature file ({@code shape[0]}). */
  public long rows() {
    return shape.isEmpty() ? 0 : shape.get(0);
  }

  /** Columns of a feature file ({@code shape[1]}). */
  public long columns() {
    return shape.size() < 2 ? 0 : shape.get(1);
  }
}
