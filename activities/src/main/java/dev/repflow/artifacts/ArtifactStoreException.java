package dev.repflow.artifacts;

/**
 * The object store could not be used: unreachable endpoint, refused credentials, missing bucket or
 * an I/O failure. The message is one line naming the endpoint, bucket or object; the cause keeps
 * the full SDK detail for debugging.
 */
public class ArtifactStoreException extends RuntimeException {

  public ArtifactStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
