package dev.repflow.fungi;

/**
 * SimCLR-style InfoNCE between views of one image, against a fixed set of other images' views as
 * negatives (the same constant set for every sample, so each sample's loss depends on that sample
 * alone and the per-sample gradient formula holds).
 *
 * @param headDim output size of the random head, default 96
 * @param temperature default 0.07
 * @param views views per image, default 8 (the paper uses 49 patches of 224x224 images)
 * @param negatives images of the train split whose views are the negatives, default 16
 * @param seed head initialisation, views and choice of negatives, default 42
 */
public record SimClrObjectiveSpec(
    int headDim, double temperature, int views, int negatives, Long seed) implements ObjectiveSpec {
  public static final String NAME = "simclr";

  public SimClrObjectiveSpec {
    headDim = headDim == 0 ? 96 : headDim;
    temperature = temperature == 0 ? 0.07 : temperature;
    views = views == 0 ? 8 : views;
    negatives = negatives == 0 ? 16 : negatives;
    seed = seed == null ? 42L : seed;
    ObjectiveSpec.requirePositive("objectives.simclr.headDim", headDim);
    ObjectiveSpec.requirePositive("objectives.simclr.temperature", temperature);
    if (views < 2) {
      throw new IllegalArgumentException("objectives.simclr.views must be >= 2, got " + views);
    }
    ObjectiveSpec.requirePositive("objectives.simclr.negatives", negatives);
  }

  public static SimClrObjectiveSpec defaults() {
    return new SimClrObjectiveSpec(0, 0, 0, 0, null);
  }

  @Override
  public String name() {
    return NAME;
  }
}
