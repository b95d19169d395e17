package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.repflow.models.Scalars;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * fungivision's DINO objective (no EMA, no centering). Views: 2 global crops then the local crops,
 * drawn as DINO's {@code RandomResizedCrop} boxes and resized to the input size (bicubic, no flip).
 * Student: log-softmax(h_s(e_v / ||e_v||) / tau_s) for ALL views v; teacher: softmax(h_t(e_g /
 * ||e_g||) / tau_t) for the 2 global views g with a separate frozen head h_t and no gradient. Loss
 * = sum over g and v (same-view pairs included) of the cross-entropy -t_g . s_v.
 */
final class DinoObjective implements Objective {
  static final int GLOBAL_CROPS = 2;
  static final double GLOBAL_MIN = 0.25;
  static final double GLOBAL_MAX = 1.0;
  static final double LOCAL_MIN = 0.05;
  static final double LOCAL_MAX = 0.25;

  private final DinoObjectiveSpec spec;
  private final RandomHead student;
  private final RandomHead teacher;

  DinoObjective(NDManager manager, DinoObjectiveSpec spec, int embeddingDim) {
    this.spec = spec;
    this.student = new RandomHead(manager, spec.seed(), embeddingDim, spec.headDim());
    this.teacher = new RandomHead(manager, spec.seed() + 1, embeddingDim, spec.headDim());
  }

  @Override
  public int count() {
    return GLOBAL_CROPS + spec.localCrops();
  }

  /** The crop boxes of one sample, global ones first; a function of the seed and the key. */
  List<CropBox> crops(long sampleKey, int h, int w) {
    SplittableRandom random = new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + sampleKey);
    List<CropBox> boxes = new ArrayList<>();
    for (int v = 0; v < count(); v++) {
      boolean global = v < GLOBAL_CROPS;
      boxes.add(
          CropBox.randomResized(
              random, h, w, global ? GLOBAL_MIN : LOCAL_MIN, global ? GLOBAL_MAX : LOCAL_MAX));
    }
    return boxes;
  }

  @Override
  public void write(float[] image, int h, int w, long sampleKey, float[] out, int offset) {
    List<CropBox> boxes = crops(sampleKey, h, w);
    for (int v = 0; v < boxes.size(); v++) {
      boxes.get(v).resizeInto(image, h, w, out, offset + v * h * w);
    }
  }

  @Override
  public NDArray loss(NDArray embeddings) {
    NDArray unit = RandomHead.normalize(embeddings); // [B, V, D]
    NDArray t =
        teacher
            .apply(unit.get(":, :" + GLOBAL_CROPS).stopGradient())
            .div(Scalars.of(unit, spec.teacherTemperature()))
            .softmax(-1); // [B, 2, L]
    NDArray s =
        student
            .apply(unit)
            .div(Scalars.of(unit, spec.studentTemperature()))
            .logSoftmax(-1); // [B, V, L]
    // sum over pairs of t_g . s_v = (sum_g t_g) . (sum_v s_v)
    return t.sum(new int[] {1}).mul(s.sum(new int[] {1})).sum(new int[] {-1}).neg();
  }
}
