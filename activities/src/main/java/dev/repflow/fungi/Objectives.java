package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.repflow.data.ImageSet;

/** Builds the {@link Objective} for a spec. */
final class Objectives {
  /** Negative images embedded per forward pass (each brings all its patches). */
  private static final int NEGATIVE_CHUNK = 8;

  private Objectives() {}

  /**
   * @param cut the backbone, for SimCLR's constant negatives (embeddings of other images' patches)
   * @param negativePool images the SimCLR negatives are drawn from (the train split); its image
   *     size lays out SimCLR's patches
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
    Patchify patches = Patchify.of(simclr, negativePool.height(), negativePool.width());
    ImageSet chosen = ImageSubsets.seeded(negativePool, simclr.negatives(), simclr.seed());
    NDList chunks = new NDList();
    for (int from = 0; from < chosen.size(); from += NEGATIVE_CHUNK) {
      int to = Math.min(chosen.size(), from + NEGATIVE_CHUNK);
      try (NDManager chunk = manager.newSubManager()) {
        NDArray embeddings = GradientExtractor.embedViews(chunk, cut, patches, chosen, from, to);
        embeddings.attach(manager); // only the [patches, D] embeddings outlive the chunk
        chunks.add(embeddings);
      }
    }
    NDArray negatives = chunks.size() == 1 ? chunks.head() : NDArrays.concat(chunks, 0);
    return new SimClrObjective(manager, simclr, embeddingDim, patches, negatives);
  }
}
