package dev.repflow.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Immutable, content-verified object storage for artifacts.
 *
 * <p>Writers never expose partial objects: an object appears under its key complete or not at all.
 * Every object carries its sha256 (user metadata {@code sha256}) and readers verify it.
 */
public interface ArtifactStore {

  /** Bucket that keys live in. */
  String bucket();

  /**
   * Uploads {@code file} under {@code key}, atomically, and returns its reference.
   *
   * @param format {@code hdf5}, {@code json} or {@code params}
   * @param shape {@code [N, D]} for feature files, empty otherwise; stored as metadata
   */
  ArtifactRef put(String key, Path file, String format, List<Long> shape);

  /**
   * Reference of an existing object, from its metadata, or empty when there is none (cache lookup).
   * Objects without a recorded sha256 are treated as absent.
   */
  Optional<ArtifactRef> find(String key);

  /**
   * Downloads the object to a new temporary file and verifies its sha256 against {@code ref}. The
   * caller deletes the file.
   *
   * @throws ArtifactIntegrityException when the bytes do not match (names the object)
   */
  Path download(ArtifactRef ref);

  /**
   * Reads the object and checks its bytes against {@code ref}'s sha256, keeping nothing.
   *
   * @throws ArtifactIntegrityException when the stored bytes do not match (names the object)
   * @throws ArtifactNotFoundException when the object is gone
   */
  default void verify(ArtifactRef ref) {
    Path copy = download(ref);
    try {
      Files.delete(copy);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + copy, e);
    }
  }
}
