package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * InfoNCE over a sample's views: each view's positives are the sample's other views; the
 * denominator holds those plus a fixed set of negative embeddings (views of other images, computed
 * once, constant), so a sample's loss depends only on that sample.
 */
final class SimClrObjective implements Objective {
  static final double MIN_AREA = 0.3;

  private final SimClrObjectiveSpec spec;
  private final RandomHead head;
  private final NDArray negatives; // [K, L], unit rows
  private final NDArray selfMask; // [V, V], 1 on the diagonal
  private final NDArray positiveMask; // [V, V], 1 off the diagonal

  /**
   * @param negativeEmbeddings {@code [K, D]} backbone embeddings of other images' views
   */
  SimClrObjective(
      NDManager manager, SimClrObjectiveSpec spec, int embeddingDim, NDArray negativeEmbeddings) {
    this.spec = spec;
    this.head = new RandomHead(manager, spec.seed(), embeddingDim, spec.headDim());
    this.negatives = RandomHead.normalize(head.apply(negativeEmbeddings));
    this.selfMask = manager.eye(spec.views());
    this.positiveMask = manager.ones(new Shape(spec.views(), spec.views())).sub(selfMask);
  }

  @Override
  public int views() {
    return spec.views();
  }

  @Override
  public void views(float[] image, int h, int w, long sampleKey, float[] out, int offset) {
    SplittableRandom random = Views.random(spec.seed(), sampleKey);
    for (int v = 0; v < spec.views(); v++) {
      Views.crop(image, h, w, MIN_AREA, 1.0, random, out, offset + v * h * w);
    }
  }

  @Override
  public NDArray loss(NDArray embeddings) {
    int v = spec.views();
    NDArray p = RandomHead.normalize(head.apply(embeddings)); // [B, V, L]
    double t = spec.temperature();
    // A view is not its own candidate: push its self-similarity far below any real one.
    NDArray own = p.matMul(p.transpose(0, 2, 1)).div(t).sub(selfMask.mul(1e9)); // [B, V, V]
    NDArray others = p.matMul(negatives.transpose()).div(t); // [B, V, K]
    NDArray logProb = own.concat(others, 2).logSoftmax(-1);
    NDArray positives = logProb.get(":, :, :" + v).mul(positiveMask).sum(new int[] {1, 2});
    return positives.neg().div(v - 1.0);
  }
}
