package dev.repflow.fungi;

/**
 * fungivision's DINO objective, without EMA or centering. Views: 2 global crops (area 25-100%) and
 * {@code localCrops} local crops (5-25%), each resized to the input size. Student: a random linear
 * head on the L2-normalised embeddings of ALL views; teacher: a second, frozen random head on the 2
 * global views (no gradient). Loss: the cross-entropy from teacher to student summed over every
 * (teacher view, student view) pair, same-view pairs included.
 *
 * @param headDim output size L of both heads, default 2048
 * @param teacherTemperature default 0.07
 * @param studentTemperature default 0.1
 * @param localCrops local crops per image, default 10
 * @param seed student head, teacher head (seed + 1) and crop positions, default 42
 */
public record DinoObjectiveSpec(
    int headDim, double teacherTemperature, double studentTemperature, int localCrops, Long seed)
    implements ObjectiveSpec {
  public static final String NAME = "dino";

  public DinoObjectiveSpec {
    headDim = headDim == 0 ? 2048 : headDim;
    teacherTemperature = teacherTemperature == 0 ? 0.07 : teacherTemperature;
    studentTemperature = studentTemperature == 0 ? 0.1 : studentTemperature;
    localCrops = localCrops == 0 ? 10 : localCrops;
    seed = seed == null ? 42L : seed;
    ObjectiveSpec.requirePositive("objectives.dino.headDim", headDim);
    ObjectiveSpec.requirePositive("objectives.dino.teacherTemperature", teacherTemperature);
    ObjectiveSpec.requirePositive("objectives.dino.studentTemperature", studentTemperature);
    ObjectiveSpec.requirePositive("objectives.dino.localCrops", localCrops);
  }

  public static DinoObjectiveSpec defaults() {
    return new DinoObjectiveSpec(0, 0, 0, 0, null);
  }

  @Override
  public String name() {
    return NAME;
  }
}
