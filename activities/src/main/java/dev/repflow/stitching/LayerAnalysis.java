package dev.repflow.stitching;

import ai.djl.ndarray.NDManager;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.common.StepProgress;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.models.Classifier;
import dev.repflow.models.GradMode;
import dev.repflow.models.TrainedBackbone;
import dev.repflow.steps.Liveness;
import dev.repflow.steps.ProgressReporter;
import java.util.List;

/**
 * The probe and similarity computations: layer activations as rows, then the maths at ranks. Each
 * phase reports progress, so the steps heartbeat while they run.
 */
final class LayerAnalysis {
  private final ArtifactStore store;

  LayerAnalysis(ArtifactStore store) {
    this.store = store;
  }

  ProbeResult probe(
      DatasetSpec dataset,
      List<Integer> classes,
      LayerRef layer,
      TrainedBackbone model,
      AnalysisSettings settings,
      ProgressReporter progress) {
    int perClass = Math.max(1, settings.samples() / classes.size());
    phase(progress, StitchingActivitiesImpl.PROBE, 1, 2, layer.label() + ": activations");
    ImageSet train = Samples.perClass(dataset, Split.TRAIN, classes, perClass);
    ImageSet test = Samples.perClass(dataset, Split.TEST, classes, perClass);
    try (NDManager base = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      Classifier net = Networks.load(store, model, base);
      StitchingActivitiesImpl.requireLayer(net, layer, "analysis.probes");
      double[][] x = Networks.rows(net, layer.layer(), train, base);
      double[][] xt = Networks.rows(net, layer.layer(), test, base);
      Runnable maths =
          phase(progress, StitchingActivitiesImpl.PROBE, 2, 2, layer.label() + ": probes at ranks");
      var ranks =
          RepresentationAnalysis.ranks(settings.ranks(), x.length, x[0].length, layer.label());
      var accuracy =
          Liveness.reportingTo(
              maths,
              () ->
                  RepresentationAnalysis.probe(
                      x,
                      Batches.targets(train, classes),
                      xt,
                      Batches.targets(test, classes),
                      classes.size(),
                      ranks,
                      layer.label()));
      return new ProbeResult(
          layer,
          x[0].length,
          new RankCurve("probe " + layer.label(), ranks, accuracy),
          null,
          false);
    }
  }

  SimilarityResult similarity(
      DatasetSpec dataset,
      List<Integer> classes,
      StitchPair pair,
      TrainedBackbone front,
      TrainedBackbone end,
      AnalysisSettings settings,
      ProgressReporter progress) {
    int perClass = Math.max(1, settings.samples() / classes.size());
    phase(progress, StitchingActivitiesImpl.SIMILARITY, 1, 2, pair.label() + ": activations");
    ImageSet train = Samples.perClass(dataset, Split.TRAIN, classes, perClass);
    try (NDManager base = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      Classifier f = Networks.load(store, front, base);
      Classifier g = Networks.load(store, end, base);
      LayerRef fl = new LayerRef(pair.front(), pair.frontLayer());
      LayerRef gl = new LayerRef(pair.end(), pair.endLayer());
      StitchingActivitiesImpl.requireLayer(f, fl, "pairs[].frontLayer");
      StitchingActivitiesImpl.requireLayer(g, gl, "pairs[].endLayer");
      double[][] x = Networks.rows(f, pair.frontLayer(), train, base);
      double[][] y = Networks.rows(g, pair.endLayer(), train, base);
      Runnable maths =
          phase(progress, StitchingActivitiesImpl.SIMILARITY, 2, 2, pair.label() + ": indices");
      var ranks =
          RepresentationAnalysis.ranks(
              settings.ranks(),
              x.length,
              Math.min(x[0].length, y[0].length),
              x[0].length <= y[0].length ? fl.label() : gl.label());
      var values =
          Liveness.reportingTo(
              maths, () -> RepresentationAnalysis.similarity(x, y, ranks, fl.label(), gl.label()));
      return new SimilarityResult(
          pair,
          new RankCurve("cka " + pair.label(), ranks, values.get(0)),
          new RankCurve("procrustes " + pair.label(), ranks, values.get(1)),
          null,
          false);
    }
  }

  /** Reports the phase and returns what reports it again (while the maths ticks). */
  private static Runnable phase(
      ProgressReporter progress, String step, int n, int of, String what) {
    StepProgress phase = StepProgress.of(step, "phase", n, of, what);
    progress.report(phase);
    return () -> progress.report(phase);
  }
}
