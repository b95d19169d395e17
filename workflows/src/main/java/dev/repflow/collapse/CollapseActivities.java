package dev.repflow.collapse;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.models.TrainedBackbone;
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
   * The backbone's own linear head (trained on {@code classes}, sorted) as classifier weights, in
   * the probe's JSON format.
   */
  @ActivityMethod(name = "CollapseHeadClassifier")
  ProbeResult headClassifier(RunContext run, TrainedBackbone backbone, List<Integer> classes);

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
