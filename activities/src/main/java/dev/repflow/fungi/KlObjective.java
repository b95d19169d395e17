package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.repflow.models.Scalars;

/**
 * fungivision's KL objective on the image itself (one view): KL(U || p) with p = softmax(h(e /
 * ||e||) / tau), U uniform over the head's L outputs, i.e. {@code kl_div(log_softmax(h / tau),
 * uniform)}.
 */
final class KlObjective implements Objective {
  private final KlObjectiveSpec spec;
  private final RandomHead head;

  KlObjective(NDManager manager, KlObjectiveSpec spec, int embeddingDim) {
    this.spec = spec;
    this.head = new RandomHead(manager, spec.seed(), embeddingDim, spec.headDim());
  }

  @Override
  public int count() {
    return 1;
  }

  @Override
  public void write(float[] image, int h, int w, long sampleKey, float[] out, int offset) {
    System.arraycopy(image, 0, out, offset, h * w);
  }

  @Override
  public NDArray loss(NDArray embeddings) {
    NDArray latents = head.apply(RandomHead.normalize(embeddings.squeeze(1))); // [B, L]
    NDArray logP = latents.div(Scalars.of(latents, spec.temperature())).logSoftmax(-1);
    // sum_l (1/L) (log(1/L) - log p_l)
    double l = spec.headDim();
    return logP.mean(new int[] {-1}).add(Scalars.of(logP, Math.log(l))).neg();
  }
}
