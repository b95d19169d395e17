package dev.repflow.fungi;

/**
 * fungivision's SimCLR objective. Views: overlapping square patches (its {@code Patchify}: side =
 * image size / sqrt(numPatches), stride = floor(side / strideScale)), each resized to the input
 * size. Latents: a random linear head on the embeddings (not normalised first). Per view: the mean
 * tempered cosine similarity to the image's other views is the positive term, and a logsumexp of
 * the un-tempered cosines to all other views and to the fixed negatives (the patches of {@code
 * negatives} seeded train images, embedded once, constant) the normaliser. Each sample's loss
 * depends on that sample alone, so the per-sample gradient formula holds.
 *
 * @param headDim output size of the random head, default 96
 * @param temperature divides the positive cosines, default 0.07
 * @param numPatches patches per image at stride = side (a perfect square, at least 4), default 4
 * @param strideScale stride = floor(patch side / strideScale), default 6
 * @param negatives train images whose patches are the fixed negatives, default 64
 * @param seed head initialisation and choice of negatives, default 42
 */
public record SimClrObjectiveSpec(
    int headDim, double temperature, int numPatches, int strideScale, int negatives, Long seed)
    implements ObjectiveSpec {
  public static final String NAME = "simclr";

  public SimClrObjectiveSpec {
    headDim = headDim == 0 ? 96 : headDim;
    temperature = temperature == 0 ? 0.07 : temperature;
    numPatches = numPatches == 0 ? 4 : numPatches;
    strideScale = strideScale == 0 ? 6 : strideScale;
    negatives = negatives == 0 ? 64 : negatives;
    seed = seed == null ? 42L : seed;
    ObjectiveSpec.requirePositive("objectives.simclr.headDim", headDim);
    ObjectiveSpec.requirePositive("objectives.simclr.temperature", temperature);
    int side = (int) Math.round(Math.sqrt(numPatches));
    if (numPatches < 4 || side * side != numPatches) {
      throw new IllegalArgumentException(
          "objectives.simclr.numPatches must be a perfect square >= 4 (4, 9, 16, ...), got "
              + numPatches);
    }
    ObjectiveSpec.requirePositive("objectives.simclr.strideScale", strideScale);
    ObjectiveSpec.requirePositive("objectives.simclr.negatives", negatives);
  }

  public static SimClrObjectiveSpec defaults() {
    return new SimClrObjectiveSpec(0, 0, 0, 0, 0, null);
  }

  /** Patches per side at stride = side, sqrt(numPatches). */
  public int patchesPerSide() {
    return (int) Math.round(Math.sqrt(numPatches));
  }

  @Override
  public String name() {
    return NAME;
  }
}
