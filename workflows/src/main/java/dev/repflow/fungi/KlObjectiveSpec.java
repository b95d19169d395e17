package dev.repflow.fungi;

/**
 * KL divergence between the softmax of a random head's output and the uniform distribution.
 *
 * @param headDim output size L of the random head, default 768
 * @param temperature softmax temperature tau, default 15
 * @param seed head initialisation, default 42
 */
public record KlObjectiveSpec(int headDim, double temperature, Long seed) implements ObjectiveSpec {
  public static final String NAME = "kl";

  public KlObjectiveSpec {
    headDim = headDim == 0 ? 768 : headDim;
    temperature = temperature == 0 ? 15 : temperature;
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
