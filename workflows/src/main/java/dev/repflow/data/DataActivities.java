package dev.repflow.data;

import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Dataset steps that need no model (CPU queue). */
@ActivityInterface
public interface DataActivities {

  /**
   * Writes the raw pixels of a split (scaled to [0, 1]) as a feature file {@code [N, H*W]}: the
   * baseline every learned representation is compared with.
   */
  @ActivityMethod(name = "ExportPixels")
  StepResult exportPixels(RunContext run, DatasetSpec dataset, Split split, List<Integer> classes);
}
