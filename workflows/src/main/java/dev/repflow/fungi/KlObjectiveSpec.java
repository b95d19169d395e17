package dev.repflow.fungi;

/**
 * fungivision's KL objective: KL(U || softmax(h(e / ||e||) / tau)) between the uniform distribution
 * U and the softmax of a random linear head h applied to the L2-normalised embedding of the image
 * itself (one view).
 *
 * @param headDim output size L of the random head, default 768 (fungivision {@code KLConfig})
 * @param temperature softmax temperature tau, default 1 ({@code KLConfig}; the paper's job scripts
 *     pass 15)
 * @param seed head initialisation, default 42
 */
public record KlObjectiveSpec(int headDim, double temperature, Long seed) implements ObjectiveSpec {
  public static final String NAME = "kl";

  public KlObjectiveSpec {
    headDim = headDim == 0 ? 768 : headDim;
    temperature = temperature == 0 ? 1 : temperature;
    seed = seed == null ? 42L : seed;
    ObjectiveSpec.requirePositive("objectives.kl.headDim", headDim);
    ObjectiveSpec.requirePositive("objectives.kl.temperature", temperature);
  }

  /** All defaults. */
  public static KlObjectiveSpec defaults() {
    return new KlObjectiveSpec(0, 0, null);
  }

  @Override
  public String name() {
    return NAME;
  }
}
