package dev.repflow.fungi;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;

/**
 * The shared random projection, checked against the backbone's layer.
 *
 * @param artifact JSON description (scheme, seed, shapes); the matrices are a pure function of it
 * @param layer resolved gradient layer name
 * @param gradientDim out * (in + 1): weight and bias gradient sizes
 * @param dim projected size
 */
public record FungiProjection(
    ArtifactRef artifact, String layer, long gradientDim, int dim, boolean cached)
    implements StepOutcome {

  @Override
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "layer %s: %d -> %d dims, %s",
        layer,
        gradientDim,
        dim,
        artifact.uri());
  }
}
