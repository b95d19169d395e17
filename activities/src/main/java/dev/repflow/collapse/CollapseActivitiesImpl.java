package dev.repflow.collapse;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.StepProgress;
import dev.repflow.eval.LogisticProbe;
import dev.repflow.models.TrainedBackbone;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepCache;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/** Neural-collapse steps: every output is a JSON artifact under its content address. */
public class CollapseActivitiesImpl implements CollapseActivities {
  private static final String ACCUMULATE = "collapse-accumulate";
  private static final String MERGE = "collapse-merge";
  private static final String PROBE = "collapse-probe";
  private static final String HEAD = "collapse-head";
  private static final String MEASURE = "collapse-measure";
  private static final int VERSION = 1;

  private final ArtifactStore store;
  private final FeatureFiles files;
  private final StepCache cache;

  public CollapseActivitiesImpl(ArtifactStore store) {
    this.store = store;
    this.files = new FeatureFiles(store);
    this.cache = new StepCache(store);
  }

  @Override
  public StepResult accumulate(RunContext run, AccumulateRequest r) {
    return StepFailures.guard(
        ACCUMULATE,
        () -> {
          List<ArtifactRef> inputs = present(r.features(), r.means(), r.probe());
          Map<String, Object> params =
              Map.of(
                  "kind",
                  r.kind(),
                  "classes",
                  r.classes(),
                  "shard",
                  r.shard(),
                  "shards",
                  r.shards());
          String key = StepKey.of(run, ACCUMULATE, VERSION, params, inputs, "json").key();
          var cached = cache.reusable(run, key);
          if (cached.isPresent()) {
            return new StepResult(cached.get(), true);
          }
          FeatureTable t = files.read(r.features());
          String source = r.features().uri();
          LabelMap classes = LabelMap.of(r.classes());
          Shard s = Shard.of(r.shard(), r.shards(), t.rows());
          int k = classes.size();
          Object stats =
              switch (r.kind()) {
                case MEANS ->
                    MeanStats.empty(k, t.columns())
                        .accumulate(t.features(), t.labels(), s.from(), s.to(), classes, source);
                case SPREAD ->
                    SpreadStats.empty(k, t.columns())
                        .accumulate(
                            t.features(),
                            t.labels(),
                            s.from(),
                            s.to(),
                            means(r, t),
                            classes,
                            source);
                case DECISIONS -> {
                  ProbeWeights probe = JsonArtifacts.read(store, r.probe(), ProbeWeights.class);
                  requireColumns(r.probe(), probe.weights()[0].length, t);
                  yield DecisionStats.empty(k)
                      .accumulate(
                          t.features(),
                          t.labels(),
                          s.from(),
                          s.to(),
                          means(r, t),
                          probe.weights(),
                          probe.bias(),
                          classes,
                          source);
                }
              };
          return new StepResult(JsonArtifacts.put(store, key, stats), false);
        });
  }

  @Override
  public StepResult merge(RunContext run, StatsKind kind, List<ArtifactRef> parts) {
    return StepFailures.guard(
        MERGE,
        () -> {
          String key = StepKey.of(run, MERGE, VERSION, Map.of("kind", kind), parts, "json").key();
          var cached = cache.reusable(run, key);
          if (cached.isPresent()) {
            return new StepResult(cached.get(), true);
          }
          Object merged =
              switch (kind) {
                case MEANS -> read(parts, MeanStats.class).stream().reduce(MeanStats::merge).get();
                case SPREAD ->
                    read(parts, SpreadStats.class).stream().reduce(SpreadStats::merge).get();
                case DECISIONS ->
                    read(parts, DecisionStats.class).stream().reduce(DecisionStats::merge).get();
              };
          return new StepResult(JsonArtifacts.put(store, key, merged), false);
        });
  }

  @Override
  public ProbeResult fitProbe(
      RunContext run, ArtifactRef features, List<Integer> classes, ProbeSpec probe) {
    return StepFailures.guard(
        PROBE,
        () -> {
          String key =
              StepKey.of(
                      run,
                      PROBE,
                      VERSION,
                      Map.of("classes", classes, "probe", probe),
                      List.of(features),
                      "json")
                  .key();
          var cached = cache.reusable(run, key);
          if (cached.isPresent()) {
            ProbeWeights w = JsonArtifacts.read(store, cached.get(), ProbeWeights.class);
            return new ProbeResult(cached.get(), w.trainAccuracy(), true);
          }
          ProgressReporter progress = ProgressReporter.forCurrentActivity();
          FeatureTable t = files.read(features);
          LabelMap map = LabelMap.of(classes);
          int[] rows = new int[t.rows()];
          for (int i = 0; i < rows.length; i++) {
            rows[i] = map.row(t.labels()[i], features.uri());
          }
          LogisticProbe fit =
              LogisticProbe.fit(
                  t.features(),
                  rows,
                  map.size(),
                  probe.steps(),
                  probe.learningRate(),
                  probe.l2(),
                  step ->
                      progress.report(
                          StepProgress.of(
                              PROBE, "step", step, probe.steps(), "probe step " + step)));
          long[] predicted = fit.predict(t.features());
          double accuracy =
              (double) IntStream.range(0, rows.length).filter(i -> predicted[i] == rows[i]).count()
                  / rows.length;
          ProbeWeights w =
              new ProbeWeights(map.sortedIdList(), fit.weights(), fit.bias(), accuracy);
          return new ProbeResult(JsonArtifacts.put(store, key, w), accuracy, false);
        });
  }

  @Override
  public ProbeResult headClassifier(
      RunContext run, TrainedBackbone backbone, List<Integer> classes) {
    return StepFailures.guard(
        HEAD,
        () -> {
          List<Integer> sorted = LabelMap.of(classes).sortedIdList();
          if (sorted.size() != backbone.numClasses()) {
            throw new IllegalArgumentException(
                "the backbone's head has " + backbone.numClasses() + " classes, not " + sorted);
          }
          String key =
              StepKey.of(
                      run,
                      HEAD,
                      VERSION,
                      Map.of("classes", sorted),
                      List.of(backbone.checkpoint()),
                      "json")
                  .key();
          var cached = cache.reusable(run, key);
          if (cached.isPresent()) {
            ProbeWeights w = JsonArtifacts.read(store, cached.get(), ProbeWeights.class);
            return new ProbeResult(cached.get(), w.trainAccuracy(), true);
          }
          Path file = store.download(backbone.checkpoint());
          try {
            ProbeWeights w =
                HeadWeights.read(
                    file,
                    backbone.model(),
                    backbone.numClasses(),
                    backbone.ref().input(),
                    sorted,
                    backbone.trainAccuracy());
            return new ProbeResult(JsonArtifacts.put(store, key, w), w.trainAccuracy(), false);
          } finally {
            Files.deleteIfExists(file);
          }
        });
  }

  @Override
  public CollapseMetrics measure(
      RunContext run,
      ArtifactRef means,
      ArtifactRef spread,
      ArtifactRef probe,
      ArtifactRef decisions,
      ArtifactRef oodMeans,
      int tileSize) {
    return StepFailures.guard(
        MEASURE,
        () -> {
          Map<String, Object> params =
              Map.of(
                  "tileSize", tileSize,
                  "decisions", decisions != null,
                  "ood", oodMeans != null);
          String key =
              StepKey.of(
                      run,
                      MEASURE,
                      VERSION,
                      params,
                      present(means, spread, probe, decisions, oodMeans),
                      "json")
                  .key();
          var cached = cache.reusable(run, key);
          if (cached.isPresent()) {
            return JsonArtifacts.read(store, cached.get(), MetricsReport.class)
                .toMetrics(cached.get(), true);
          }
          MetricsReport report =
              CollapseMeasurement.report(
                  new CollapseMeasurement.Inputs(
                      JsonArtifacts.read(store, means, MeanStats.class),
                      JsonArtifacts.read(store, spread, SpreadStats.class),
                      JsonArtifacts.read(store, probe, ProbeWeights.class),
                      decisions == null
                          ? null
                          : JsonArtifacts.read(store, decisions, DecisionStats.class),
                      oodMeans == null
                          ? null
                          : JsonArtifacts.read(store, oodMeans, MeanStats.class),
                      tileSize),
                  means.uri(),
                  spread.uri(),
                  probe.uri(),
                  decisions == null ? null : decisions.uri(),
                  oodMeans == null ? null : oodMeans.uri());
          return report.toMetrics(JsonArtifacts.put(store, key, report), false);
        });
  }

  private double[][] means(AccumulateRequest r, FeatureTable t) {
    double[][] m = JsonArtifacts.read(store, r.means(), MeanStats.class).means();
    requireColumns(r.means(), m[0].length, t);
    if (m.length != r.classes().size()) {
      throw new IllegalArgumentException(
          r.means().uri() + " has " + m.length + " classes, the request " + r.classes());
    }
    return m;
  }

  private static void requireColumns(ArtifactRef stats, int dim, FeatureTable t) {
    if (dim != t.columns()) {
      throw new IllegalArgumentException(
          stats.uri() + " has dimension " + dim + " but the features have " + t.columns());
    }
  }

  private <T> List<T> read(List<ArtifactRef> parts, Class<T> type) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    return parts.stream().map(p -> JsonArtifacts.read(store, p, type)).toList();
  }

  private static List<ArtifactRef> present(ArtifactRef... refs) {
    List<ArtifactRef> out = new ArrayList<>();
    Arrays.stream(refs).filter(Objects::nonNull).forEach(out::add);
    return out;
  }
}
