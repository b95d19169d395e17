package dev.repflow.artifacts;

/**
 * A reference points at an object that does not exist (deleted, or another bucket). Separate from
 * {@link ArtifactStoreException} so callers can fail the step instead of retrying it.
 */
public final class ArtifactNotFoundException extends ArtifactStoreException {
  private final String uri;

  public ArtifactNotFoundException(String uri, Throwable cause) {
    super("artifact " + uri + " does not exist", cause);
    this.uri = uri;
  }

  public String uri() {
    return uri;
  }
}
