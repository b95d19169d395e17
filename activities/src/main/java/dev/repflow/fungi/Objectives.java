package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.repflow.data.ImageSet;

/** Builds the {@link Objective} for a spec. */
final class Objectives {
  private Objectives() {}

  /**
   * @param cut the backbone, for SimCLR's constant negatives (embeddings of other images' views)
   * @param negativePool images the SimCLR negatives are drawn from (the train split)
   */
  static Objective create(
      NDManager manager,
      ObjectiveSpec spec,
      int embeddingDim,
      BackboneCut cut,
      ImageSet negativePool) {
    if (spec instanceof KlObjectiveSpec kl) {
      return new KlObjective(manager, kl, embeddingDim);
    }
    if (spec instanceof DinoObjectiveSpec dino) {
      return new DinoObjective(manager, dino, embeddingDim);
    }
    SimClrObjectiveSpec simclr = (SimClrObjectiveSpec) spec; // the interface is sealed
    // The negatives' views are drawn like any sample's views; a placeholder objective draws them.
    Objective viewsOnly =
        new SimClrObjective(
            manager, simclr, embeddingDim, manager.zeros(new Shape(1, embeddingDim)));
    ImageSet chosen = ImageSubsets.seeded(negativePool, simclr.negatives(), simclr.seed());
    NDArray negatives =
        new GradientExtractor(manager, cut, viewsOnly)
            .embedViews(manager, chosen, 0, chosen.size());
    return new SimClrObjective(manager, simclr, embeddingDim, negatives);
  }
}
