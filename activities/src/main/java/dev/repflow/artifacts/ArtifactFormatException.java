package dev.repflow.artifacts;

/**
 * An artifact's content breaks its contract (missing HDF5 dataset, disagreeing shapes, JSON that
 * does not parse into the requested type), or a table cannot be written as one. The message names
 * the file or URI and the problem. Retrying cannot fix this.
 */
public final class ArtifactFormatException extends RuntimeException {

  public ArtifactFormatException(String message) {
    super(message);
  }

  public ArtifactFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
