package dev.repflow.collapse;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Neural-collapse steps on stored feature files (CPU queue). */
@ActivityInterface
public interface CollapseActivities {

  /** Accumulates one shard of a pass; writes the partial statistics as JSON. */
  @ActivityMethod(name = "CollapseAccumulate")
  StepResult accumulate(RunContext run, AccumulateRequest request);

  /** Merges partial statistics of one kind (sum of counts, sums and scatters) into one JSON. */
  @ActivityMethod(name = "CollapseMerge")
  StepResult merge(RunContext run, StatsKind kind, List<ArtifactRef> parts);

  /** Fits a multinomial logistic-regression probe on train features of {@code classes}. */
  @ActivityMethod(name = "CollapseFitProbe")
  ProbeResult fitProbe(
      RunContext run, ArtifactRef features, List<Integer> classes, ProbeSpec probe);

  /**
   * Computes NC1-NC5 from merged statistics; {@code decisions} and {@code oodMeans} may be null.
   */
  @ActivityMethod(name = "CollapseMeasure")
  CollapseMetrics measure(
      RunContext run,
      ArtifactRef means,
      ArtifactRef spread,
      ArtifactRef probe,
      ArtifactRef decisions,
      ArtifactRef oodMeans,
      int tileSize);
}
