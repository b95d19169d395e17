package dev.repflow.artifacts;

/**
 * What a step that writes one artifact returns.
 *
 * @param cached true when the artifact already existed under its content address and was reused
 */
public record StepResult(ArtifactRef artifact, boolean cached) implements StepOutcome {

  @Override
  public String summary() {
    return artifact.uri();
  }
}
