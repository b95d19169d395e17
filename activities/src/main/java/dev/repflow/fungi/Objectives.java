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
   * @param negatives SimCLR's negative images (drawn from the train split); their size lays out
   *     SimCLR's patches. Unused by the other objectives (may be null).
   */
  static Objective create(
      NDManager manager,
      ObjectiveSpec spec,
      int embeddingDim,
      BackboneCut cut,
      ImageSet negatives) {
    if (spec instanceof KlObjectiveSpec kl) {
      return new KlObjective(manager, kl, embeddingDim);
    }
    if (spec instanceof DinoObjectiveSpec dino) {
      return new DinoObjective(manager, dino, embeddingDim);
    }
    SimClrObjectiveSpec simclr = (SimClrObjectiveSpec) spec; // the interface is sealed
    Patchify patches = Patchify.of(simclr, negatives.height(), negatives.width());
    ImageSet chosen = negatives;
    NDList chunks = new NDList();
    for (int from = 0; from < chosen.size(); from += NEGATIVE_CHUNK) {
      int to = Math.min(chosen.size(), from + NEGATIVE_CHUNK);
      try (NDManager chunk = manager.newSubManager()) {
        NDArray embeddings = GradientExtractor.embedViews(chunk, cut, patches, chosen, from, to);
        embeddings.attach(manager); // only the [patches, D] embeddings outlive the chunk
        chunks.add(embeddings);
      }
    }
    NDArray embedded = chunks.size() == 1 ? chunks.head() : NDArrays.concat(chunks, 0);
    return new SimClrObjective(manager, simclr, embeddingDim, patches, embedded);
  }
}
