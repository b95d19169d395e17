package dev.repflow.fungi;

/**
 * DINO without EMA: the same frozen network is teacher (global crops) and student (local crops);
 * cross-entropy from teacher to student distributions over a random head's output. No centering.
 *
 * @param headDim output size of the random head, default 2048
 * @param teacherTemperature default 0.07
 * @param studentTemperature default 0.1
 * @param globalCrops teacher views, default 2
 * @param localCrops student views, default 10
 * @param seed head initialisation and crop positions, default 42
 */
public record DinoObjectiveSpec(
    int headDim,
    double teacherTemperature,
    double studentTemperature,
    int globalCrops,
    int localCrops,
    Long seed)
    implements ObjectiveSpec {
  public static final String NAME = "dino";

  public DinoObjectiveSpec {
    headDim = headDim == 0 ? 2048 : headDim;
    teacherTemperature = teacherTemperature == 0 ? 0.07 : teacherTemperature;
    studentTemperature = studentTemperature == 0 ? 0.1 : studentTemperature;
    globalCrops = globalCrops == 0 ? 2 : globalCrops;
    localCrops = localCrops == 0 ? 10 : localCrops;
    seed = seed == null ? 42L : seed;
    ObjectiveSpec.requirePositive("objectives.dino.headDim", headDim);
    ObjectiveSpec.requirePositive("objectives.dino.teacherTemperature", teacherTemperature);
    ObjectiveSpec.requirePositive("objectives.dino.studentTemperature", studentTemperature);
    ObjectiveSpec.requirePositive("objectives.dino.globalCrops", globalCrops);
    ObjectiveSpec.requirePositive("objectives.dino.localCrops", localCrops);
  }

  public static DinoObjectiveSpec defaults() {
    return new DinoObjectiveSpec(0, 0, 0, 0, 0, null);
  }

  @Override
  public String name() {
    return NAME;
  }
}
