package dev.repflow.anchoring;

import dev.repflow.artifacts.RunContext;
import dev.repflow.data.DatasetSpec;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Light steps of the anchoring pipeline (CPU queue): corrupted test sets and the report. */
@ActivityInterface
public interface CorruptionActivities {

  /**
   * Writes the test split corrupted by {@code corruption} at every severity of {@code spec}
   * (generated with its seed, or read from {@code spec.dir()}); {@value CorruptedSet#CLEAN} writes
   * the unmodified test split as severity 0.
   */
  @ActivityMethod(name = "AnchoringCorrupt")
  CorruptedSet corrupt(RunContext run, DatasetSpec dataset, String corruption, CorruptionSpec spec);

  /** Averages the cells per (model, severity); stores the table as JSON and an SVG plot. */
  @ActivityMethod(name = "AnchoringReport")
  AnchoringReport report(RunContext run, List<CorruptionMetrics> cells);
}
