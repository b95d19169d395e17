package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.SplittableRandom;

/**
 * DINO without EMA or centering: teacher = softmax(head / tau_t) of the global crops (no gradient),
 * student = log-softmax(head / tau_s) of the local crops; loss = mean over (teacher, student) pairs
 * of the cross-entropy.
 */
final class DinoObjective implements Objective {
  /** Crop area shares; smaller than DINO's ImageNet ranges would make 28x28 crops meaningless. */
  static final double GLOBAL_MIN = 0.5;

  static final double LOCAL_MIN = 0.15;
  static final double LOCAL_MAX = 0.45;

  private final DinoObjectiveSpec spec;
  private final RandomHead head;

  DinoObjective(NDManager manager, DinoObjectiveSpec spec, int embeddingDim) {
    this.spec = spec;
    this.head = new RandomHead(manager, spec.seed(), embeddingDim, spec.headDim());
  }

  @Override
  public int views() {
    return spec.globalCrops() + spec.localCrops();
  }

  @Override
  public void views(float[] image, int h, int w, long sampleKey, float[] out, int offset) {
    SplittableRandom random = Views.random(spec.seed(), sampleKey);
    for (int v = 0; v < views(); v++) {
      boolean global = v < spec.globalCrops();
      Views.crop(
          image,
          h,
          w,
          global ? GLOBAL_MIN : LOCAL_MIN,
          global ? 1.0 : LOCAL_MAX,
          random,
          out,
          offset + v * h * w);
    }
  }

  @Override
  public NDArray loss(NDArray embeddings) {
    int g = spec.globalCrops();
    NDArray logits = head.apply(embeddings); // [B, V, L]
    NDArray teacher =
        logits
            .get(new NDIndex(":, :{}", g))
            .div(spec.teacherTemperature())
            .softmax(-1)
            .stopGradient(); // [B, G, L]
    NDArray student =
        logits.get(new NDIndex(":, {}:", g)).div(spec.studentTemperature()).logSoftmax(-1);
    // sum over pairs of t_g . s_l = (sum_g t_g) . (sum_l s_l)
    NDArray cross = teacher.sum(new int[] {1}).mul(student.sum(new int[] {1})).sum(new int[] {-1});
    return cross.neg().div((double) g * spec.localCrops());
  }
}
