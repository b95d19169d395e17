package dev.repflow.artifacts;

/**
 * The bytes of an artifact do not hash to the sha256 recorded in its reference.
 *
 * <p>Retrying cannot fix this; activities report it as {@code FailureTypes.ARTIFACT_INTEGRITY}.
 */
public final class ArtifactIntegrityException extends RuntimeException {
  private final String uri;
  private final String expectedSha256;
  private final String actualSha256;

  /**
   * @param expectedBytes size recorded in the reference
   * @param actualBytes bytes read
   */
  public ArtifactIntegrityException(
      String uri,
      String expectedSha256,
      long expectedBytes,
      String actualSha256,
      long actualBytes) {
    super(
        expectedBytes == actualBytes
            ? "artifact "
                + uri
                + " is corrupt: expected sha256 "
                + expectedSha256
                + " but its bytes hash to "
                + actualSha256
            : String.format(
                "artifact %s is corrupt: expected %d bytes with sha256 %s but read %d bytes"
                    + " hashing to %s",
                uri, expectedBytes, expectedSha256, actualBytes, actualSha256));
    this.uri = uri;
    this.expectedSha256 = expectedSha256;
    this.actualSha256 = actualSha256;
  }

  public String uri() {
    return uri;
  }

  public String expectedSha256() {
    return expectedSha256;
  }

  public String actualSha256() {
    return actualSha256;
  }
}
