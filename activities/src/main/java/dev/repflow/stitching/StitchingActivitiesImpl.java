package dev.repflow.stitching;

import ai.djl.ndarray.NDManager;
import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.artifacts.TextArtifacts;
import dev.repflow.common.StepProgress;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.models.Classifier;
import dev.repflow.models.GradMode;
import dev.repflow.models.TrainedBackbone;
import dev.repflow.steps.CachedSteps;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stitching steps: each cached under its content address, with heartbeats per batch. */
public class StitchingActivitiesImpl implements StitchingActivities {
  static final String STITCH = "stitch";
  static final String PROBE = "probe";
  static final String SIMILARITY = "similarity";
  static final String DETECTOR = "ood-detector";
  static final String PLOT = "plot";
  private static final int VERSION = 1;
  // 2: stitched activations scored by AUROC and FPR95 against g's own, as the reference does.
  // 3: scored with a detector trained by the fixed energy loss.
  private static final int STITCH_VERSION = 3;

  private final ArtifactStore store;
  private final CachedSteps steps;
  private final LayerAnalysis analysis;
  private final ReportCache reports;

  public StitchingActivitiesImpl(ArtifactStore store) {
    this.store = store;
    this.steps = CachedSteps.on(store);
    this.analysis = new LayerAnalysis(store);
    this.reports = new ReportCache(steps);
  }

  @Override
  public StitchResult stitch(
      RunContext run,
      DatasetSpec dataset,
      List<Integer> classes,
      StitchPair pair,
      TrainedBackbone front,
      TrainedBackbone end,
      StitchSettings settings,
      OodDetector detector) {
    List<ArtifactRef> inputs = new ArrayList<>(List.of(front.checkpoint(), end.checkpoint()));
    Optional.ofNullable(detector).ifPresent(d -> inputs.add(d.weights()));
    var params = Map.of("dataset", dataset, "classes", classes, "pair", pair, "settings", settings);
    return reports.cached(
        run,
        STITCH,
        StepKey.of(run, STITCH, STITCH_VERSION, params, inputs, "json"),
        StitchResult.class,
        StitchResult::withReport,
        () -> {
          var progress = ProgressReporter.forCurrentActivity();
          ImageSet train = Datasets.load(dataset, Split.TRAIN, classes);
          ImageSet test = Datasets.load(dataset, Split.TEST, classes);
          try (NDManager base = NDManager.newBaseManager()) {
            GradMode.offOnThisThread();
            Classifier f = Networks.load(store, front, base);
            Classifier g = Networks.load(store, end, base);
            var network = new StitchedNetwork(f, pair.frontLayer(), g, pair.endLayer(), base);
            EnergyDetector energy = detector == null ? null : loadDetector(detector, base);
            return new PairStitchRun(network, new PairStitcher(network, base), pair, settings)
                .run(
                    train,
                    test,
                    classes,
                    energy,
                    Networks.accuracy(f, test, Batches.targets(test, classes), base),
                    Networks.accuracy(g, test, Batches.targets(test, classes), base),
                    message -> progress.report(StepProgress.of(STITCH, "batch", 0, 0, message)));
          }
        });
  }

  @Override
  public ProbeResult probe(
      RunContext run,
      DatasetSpec dataset,
      List<Integer> classes,
      LayerRef layer,
      TrainedBackbone model,
      AnalysisSettings settings) {
    var params =
        Map.of("dataset", dataset, "classes", classes, "layer", layer, "settings", settings);
    return reports.cached(
        run,
        PROBE,
        StepKey.of(run, PROBE, VERSION, params, List.of(model.checkpoint()), "json"),
        ProbeResult.class,
        ProbeResult::withReport,
        () ->
            analysis.probe(
                dataset, classes, layer, model, settings, ProgressReporter.forCurrentActivity()));
  }

  @Override
  public SimilarityResult similarity(
      RunContext run,
      DatasetSpec dataset,
      List<Integer> classes,
      StitchPair pair,
      TrainedBackbone front,
      TrainedBackbone end,
      AnalysisSettings settings) {
    var params = Map.of("dataset", dataset, "classes", classes, "pair", pair, "settings", settings);
    return reports.cached(
        run,
        SIMILARITY,
        StepKey.of(
            run,
            SIMILARITY,
            VERSION,
            params,
            List.of(front.checkpoint(), end.checkpoint()),
            "json"),
        SimilarityResult.class,
        SimilarityResult::withReport,
        () ->
            analysis.similarity(
                dataset,
                classes,
                pair,
                front,
                end,
                settings,
                ProgressReporter.forCurrentActivity()));
  }

  @Override
  public OodDetector trainDetector(
      RunContext run,
      DatasetSpec dataset,
      List<Integer> classes,
      LayerRef layer,
      TrainedBackbone model,
      OodSettings settings) {
    return new DetectorStep(store, steps).run(run, dataset, classes, layer, model, settings);
  }

  @Override
  public StepResult plot(RunContext run, List<ProbeResult> probes, List<StitchResult> stitches) {
    return StepFailures.guard(
        PLOT,
        () -> {
          List<ArtifactRef> inputs = new ArrayList<>();
          probes.forEach(p -> inputs.add(p.report()));
          stitches.forEach(s -> inputs.add(s.report()));
          StepKey key = StepKey.of(run, PLOT, VERSION, Map.of(), inputs, "svg");
          return steps.artifact(
              run,
              key.key(),
              () ->
                  TextArtifacts.put(
                      store, key.key(), StitchingPlots.accuracyVsRank(probes, stitches), "svg"));
        });
  }

  static void requireLayer(Classifier model, LayerRef layer, String key) {
    if (!model.layers().names().contains(layer.layer())) {
      throw new IllegalArgumentException(
          key
              + ": unknown layer '"
              + layer.layer()
              + "' of model "
              + layer.model()
              + " (layers: "
              + model.layers().names()
              + ")");
    }
  }

  private EnergyDetector loadDetector(OodDetector detector, NDManager base) throws IOException {
    Path file = store.download(detector.weights());
    try {
      return EnergyDetector.decode(base, Files.readAllBytes(file));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
