package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** KL(softmax(head(e) / tau) || uniform) on the image itself (one view). */
final class KlObjective implements Objective {
  private final KlObjectiveSpec spec;
  private final RandomHead head;

  KlObjective(NDManager manager, KlObjectiveSpec spec, int embeddingDim) {
    this.spec = spec;
    this.head = new RandomHead(manager, spec.seed(), embeddingDim, spec.headDim());
  }

  @Override
  public int views() {
    return 1;
  }

  @Override
  public void views(float[] image, int h, int w, long sampleKey, float[] out, int offset) {
    System.arraycopy(image, 0, out, offset, h * w);
  }

  @Override
  public NDArray loss(NDArray embeddings) {
    NDArray logits = head.apply(embeddings.squeeze(1)).div(spec.temperature()); // [B, L]
    NDArray logP = logits.logSoftmax(-1);
    // sum_l p_l (log p_l - log(1/L))
    return logP.exp().mul(logP.add(Math.log(spec.headDim()))).sum(new int[] {-1});
  }
}
