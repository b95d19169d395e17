package dev.repflow.common;

/**
 * ApplicationFailure types that activities throw and retry policies treat as final.
 *
 * <p>Retrying cannot fix bad input or a corrupt artifact, so these fail the step at once.
 */
public final class FailureTypes {
  /** Spec, config or data that cannot be used as given (missing file, wrong shape, bad value). */
  public static final String INVALID_INPUT = "InvalidInput";

  /** An artifact whose bytes do not match the sha256 in its reference. */
  public static final String ARTIFACT_INTEGRITY = "ArtifactIntegrity";

  private FailureTypes() {}
}
