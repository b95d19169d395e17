package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.repflow.models.PortableMath;
import dev.repflow.models.Scalars;

/**
 * fungivision's SimCLR objective over one image's P patches. Latents u = h(e) (the embedding is not
 * normalised first), compared by cosine c. For view i: nll_i = -(sum_{j != i} c_ij / tau) / (P - 1)
 * + logsumexp_j c_ij, the logsumexp running over the fixed negatives' latents and the image's own
 * views, with the view itself replaced by the constant -1e4. The logsumexp is not tempered, as in
 * fungivision. Loss = mean of nll_i over the P views.
 */
final class SimClrObjective implements Objective {
  /** fungivision's {@code self_similarity_constant} (-10e3): exp of it vanishes in float. */
  static final double SELF_SIMILARITY = -10e3;

  private final SimClrObjectiveSpec spec;
  private final Patchify patches;
  private final RandomHead head;
  private final NDArray negatives; // [K, L], unit rows
  private final NDArray self; // [P, P], 1 on the diagonal
  private final NDArray others; // [P, P], 1 off the diagonal

  /**
   * @param negativeEmbeddings {@code [K, D]} backbone embeddings of the negatives' patches
   */
  SimClrObjective(
      NDManager manager,
      SimClrObjectiveSpec spec,
      int embeddingDim,
      Patchify patches,
      NDArray negativeEmbeddings) {
    this.spec = spec;
    this.patches = patches;
    this.head = new RandomHead(manager, spec.seed(), embeddingDim, spec.headDim());
    this.negatives = RandomHead.normalize(head.apply(negativeEmbeddings));
    int p = patches.count();
    this.self = manager.eye(p);
    this.others = manager.ones(self.getShape()).sub(self);
  }

  @Override
  public int count() {
    return patches.count();
  }

  @Override
  public void write(float[] image, int h, int w, long sampleKey, float[] out, int offset) {
    patches.write(image, h, w, sampleKey, out, offset);
  }

  @Override
  public NDArray loss(NDArray embeddings) {
    int p = patches.count();
    NDArray u = RandomHead.normalize(head.apply(embeddings)); // [B, P, L]
    NDArray own = u.matMul(u.transpose(0, 2, 1)).mul(others); // [B, P, P], zero diagonal
    NDArray positive =
        own.sum(new int[] {2}).div(Scalars.of(own, spec.temperature() * (p - 1))); // [B, P]
    NDArray candidates =
        u.matMul(negatives.transpose())
            .concat(own.add(self.mul(Scalars.of(self, SELF_SIMILARITY))), 2);
    return PortableMath.logSumExp(candidates, 2).sub(positive).mean(new int[] {1});
  }
}
