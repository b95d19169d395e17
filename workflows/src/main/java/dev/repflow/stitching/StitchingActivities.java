package dev.repflow.stitching;

import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.data.DatasetSpec;
import dev.repflow.models.TrainedBackbone;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Stitching, probes, similarity and OOD detector steps. */
@ActivityInterface
public interface StitchingActivities {

  /**
   * Fits the stitching layer between {@code front} and {@code end} by direct matching (at full rank
   * and at {@code settings.ranks()}) and by task-loss matching, and evaluates each stitched network
   * on the test split of {@code classes}.
   *
   * @param detector energy detector of the end layer, or null
   */
  @ActivityMethod(name = "StitchPair")
  StitchResult stitch(
      RunContext run,
      DatasetSpec dataset,
      List<Integer> classes,
      StitchPair pair,
      TrainedBackbone front,
      TrainedBackbone end,
      StitchSettings settings,
      OodDetector detector);

  /** Least-squares linear probe on one layer at retained ranks (train split fit, test split). */
  @ActivityMethod(name = "ProbeLayer")
  ProbeResult probe(
      RunContext run,
      DatasetSpec dataset,
      List<Integer> classes,
      LayerRef layer,
      TrainedBackbone model,
      AnalysisSettings settings);

  /** Linear CKA and orthogonal Procrustes distance of a pair's two layers at retained ranks. */
  @ActivityMethod(name = "LayerSimilarity")
  SimilarityResult similarity(
      RunContext run,
      DatasetSpec dataset,
      List<Integer> classes,
      StitchPair pair,
      TrainedBackbone front,
      TrainedBackbone end,
      AnalysisSettings settings);

  /** Trains an energy OOD detector on one layer's representations of {@code classes}. */
  @ActivityMethod(name = "TrainOodDetector")
  OodDetector trainDetector(
      RunContext run,
      DatasetSpec dataset,
      List<Integer> classes,
      LayerRef layer,
      TrainedBackbone model,
      OodSettings settings);

  /** SVG plot of accuracy vs retained rank. */
  @ActivityMethod(name = "PlotStitching")
  StepResult plot(RunContext run, List<ProbeResult> probes, List<StitchResult> stitches);
}
