package dev.repflow.stitching;

import ai.djl.ndarray.NDManager;
import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.StepProgress;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.FashionMnist;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.models.Classifier;
import dev.repflow.models.GradMode;
import dev.repflow.models.TrainedBackbone;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepCache;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stitching steps: each cached under its content address, with heartbeats per batch. */
public class StitchingActivitiesImpl implements StitchingActivities {
  private static final Logger log = LoggerFactory.getLogger(StitchingActivitiesImpl.class);
  static final String STITCH = "stitch";
  static final String PROBE = "probe";
  static final String SIMILARITY = "similarity";
  static final String DETECTOR = "ood-detector";
  static final String PLOT = "plot";
  private static final int VERSION = 1;

  private final ArtifactStore store;
  private final StepCache cache;

  public StitchingActivitiesImpl(ArtifactStore store) {
    this.store = store;
    this.cache = new StepCache(store);
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
    return cachedReport(
        run,
        STITCH,
        StepKey.of(run, STITCH, VERSION, params, inputs, "json"),
        StitchResult.class,
        StitchResult::withReport,
        () -> {
          var progress = ProgressReporter.forCurrentActivity();
          ImageSet train = FashionMnist.load(dataset, Split.TRAIN, classes);
          ImageSet test = FashionMnist.load(dataset, Split.TEST, classes);
          try (NDManager base = NDManager.newBaseManager()) {
            GradMode.offOnThisThread();
            Classifier f = Networks.load(store, front, base);
            Classifier g = Networks.load(store, end, base);
            var network = new StitchedNetwork(f, pair.frontLayer(), g, pair.endLayer(), base);
            EnergyDetector energy = detector == null ? null : loadDetector(detector, base);
            double threshold = detector == null ? 0 : detector.threshold();
            return new PairStitchRun(network, new PairStitcher(network, base), pair, settings)
                .run(
                    train,
                    test,
                    classes,
                    energy,
                    threshold,
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
    return cachedReport(
        run,
        PROBE,
        StepKey.of(run, PROBE, VERSION, params, List.of(model.checkpoint()), "json"),
        ProbeResult.class,
        ProbeResult::withReport,
        () -> {
          int perClass = Math.max(1, settings.samples() / classes.size());
          ImageSet train = Samples.perClass(dataset, Split.TRAIN, classes, perClass);
          ImageSet test = Samples.perClass(dataset, Split.TEST, classes, perClass);
          try (NDManager base = NDManager.newBaseManager()) {
            GradMode.offOnThisThread();
            Classifier net = Networks.load(store, model, base);
            requireLayer(net, layer, "analysis.probes");
            double[][] x = Networks.rows(net, layer.layer(), train, base);
            double[][] xt = Networks.rows(net, layer.layer(), test, base);
            var ranks =
                RepresentationAnalysis.ranks(
                    settings.ranks(), x.length, x[0].length, layer.label());
            var accuracy =
                RepresentationAnalysis.probe(
                    x,
                    Batches.targets(train, classes),
                    xt,
                    Batches.targets(test, classes),
                    classes.size(),
                    ranks,
                    layer.label());
            return new ProbeResult(
                layer,
                x[0].length,
                new RankCurve("probe " + layer.label(), ranks, accuracy),
                null,
                false);
          }
        });
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
    return cachedReport(
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
        () -> {
          int perClass = Math.max(1, settings.samples() / classes.size());
          ImageSet train = Samples.perClass(dataset, Split.TRAIN, classes, perClass);
          try (NDManager base = NDManager.newBaseManager()) {
            GradMode.offOnThisThread();
            Classifier f = Networks.load(store, front, base);
            Classifier g = Networks.load(store, end, base);
            LayerRef fl = new LayerRef(pair.front(), pair.frontLayer());
            LayerRef gl = new LayerRef(pair.end(), pair.endLayer());
            requireLayer(f, fl, "pairs[].frontLayer");
            requireLayer(g, gl, "pairs[].endLayer");
            double[][] x = Networks.rows(f, pair.frontLayer(), train, base);
            double[][] y = Networks.rows(g, pair.endLayer(), train, base);
            var ranks =
                RepresentationAnalysis.ranks(
                    settings.ranks(),
                    x.length,
                    Math.min(x[0].length, y[0].length),
                    x[0].length <= y[0].length ? fl.label() : gl.label());
            var values = RepresentationAnalysis.similarity(x, y, ranks, fl.label(), gl.label());
            return new SimilarityResult(
                pair,
                new RankCurve("cka " + pair.label(), ranks, values.get(0)),
                new RankCurve("procrustes " + pair.label(), ranks, values.get(1)),
                null,
                false);
          }
        });
  }

  @Override
  public OodDetector trainDetector(
      RunContext run,
      DatasetSpec dataset,
      List<Integer> classes,
      LayerRef layer,
      TrainedBackbone model,
      OodSettings settings) {
    return new DetectorStep(store, cache).run(run, dataset, classes, layer, model, settings);
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
          var cached = cache.reusable(run, key.key());
          if (cached.isPresent()) {
            return new StepResult(cached.get(), true);
          }
          String svg = StitchingPlots.accuracyVsRank(probes, stitches);
          Path file = Files.createTempFile("repflow-", ".svg");
          try {
            Files.writeString(file, svg, StandardCharsets.UTF_8);
            return new StepResult(store.put(key.key(), file, "svg", List.of()), false);
          } finally {
            Files.deleteIfExists(file);
          }
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

  /** Reuse a step's JSON report, or compute the result, store it as the report, and return it. */
  private <T> T cachedReport(
      RunContext run,
      String step,
      StepKey key,
      Class<T> type,
      WithReport<T> withRef,
      ThrowingSupplier<T> compute) {
    return StepFailures.guard(
        step,
        () -> {
          var cached = cache.reusable(run, key.key());
          if (cached.isPresent()) {
            T reused = JsonArtifacts.read(store, cached.get(), type);
            return withRef.apply(reused, cached.get(), true);
          }
          long begin = System.nanoTime();
          T result = compute.get();
          log.info("{} took {} ms", step, (System.nanoTime() - begin) / 1_000_000);
          return withRef.apply(result, JsonArtifacts.put(store, key.key(), result), false);
        });
  }

  /** Attaches the stored report to a result. */
  @FunctionalInterface
  interface WithReport<T> {
    T apply(T result, ArtifactRef report, boolean cached);
  }

  /** A computation that may throw checked exceptions (mapped by {@link StepFailures}). */
  @FunctionalInterface
  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
