package dev.repflow.collapse;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.StepProgress;
import dev.repflow.models.TrainedBackbone;
import dev.repflow.steps.CachedSteps;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Neural-collapse steps: every output is a JSON artifact under its content address, reused when
 * stored. This class keys and caches the steps; {@link StatsPasses}, {@link ProbeFitting}, {@link
 * HeadWeights} and {@link CollapseMeasurement} compute them.
 */
public class CollapseActivitiesImpl implements CollapseActivities {
  private static final String ACCUMULATE = "collapse-accumulate";
  private static final String MERGE = "collapse-merge";
  private static final String PROBE = "collapse-probe";
  private static final String HEAD = "collapse-head";
  private static final String MEASURE = "collapse-measure";
  private static final int VERSION = 1;

  private final ArtifactStore store;
  private final FeatureFiles files;
  private final CachedSteps steps;
  private final StatsPasses passes;

  public CollapseActivitiesImpl(ArtifactStore store) {
    this.store = store;
    this.files = new FeatureFiles(store);
    this.steps = CachedSteps.on(store);
    this.passes = new StatsPasses(store, files);
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
          return steps.artifact(
              run, key, () -> JsonArtifacts.put(store, key, passes.accumulate(r)));
        });
  }

  @Override
  public StepResult merge(RunContext run, StatsKind kind, List<ArtifactRef> parts) {
    return StepFailures.guard(
        MERGE,
        () -> {
          String key = StepKey.of(run, MERGE, VERSION, Map.of("kind", kind), parts, "json").key();
          return steps.artifact(
              run, key, () -> JsonArtifacts.put(store, key, passes.merge(kind, parts)));
        });
  }

  @Override
  public ProbeResult fitProbe(
      RunContext run, ArtifactRef features, List<Integer> classes, ProbeSpec probe) {
    return StepFailures.guard(
        PROBE,
        () -> {
          return reuseOrWrite(
              run,
              PROBE,
              Map.of("classes", classes, "probe", probe),
              List.of(features),
              () -> {
                ProgressReporter progress = ProgressReporter.forCurrentActivity();
                return ProbeFitting.fit(
                    files.read(features),
                    features.uri(),
                    classes,
                    probe,
                    step ->
                        progress.report(
                            StepProgress.of(
                                PROBE, "step", step, probe.steps(), "probe step " + step)));
              });
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
          return reuseOrWrite(
              run,
              HEAD,
              Map.of("classes", sorted),
              List.of(backbone.checkpoint()),
              () -> {
                Path file = store.download(backbone.checkpoint());
                try {
                  return HeadWeights.read(
                      file,
                      backbone.model(),
                      backbone.numClasses(),
                      backbone.ref().input(),
                      sorted,
                      backbone.trainAccuracy());
                } finally {
                  Files.deleteIfExists(file);
                }
              });
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
          return steps.json(
              run,
              key,
              MetricsReport.class,
              () ->
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
                      oodMeans == null ? null : oodMeans.uri()),
              (report, ref, cached) -> report.toMetrics(ref, cached));
        });
  }

  /** The classifier stored under the step's key, or the one {@code compute} gives, stored there. */
  private ProbeResult reuseOrWrite(
      RunContext run,
      String step,
      Map<String, Object> params,
      List<ArtifactRef> inputs,
      CachedSteps.Compute<ProbeWeights> compute)
      throws Exception {
    String key = StepKey.of(run, step, VERSION, params, inputs, "json").key();
    return steps.json(
        run,
        key,
        ProbeWeights.class,
        compute,
        (w, ref, cached) -> new ProbeResult(ref, w.trainAccuracy(), cached));
  }

  private static List<ArtifactRef> present(ArtifactRef... refs) {
    List<ArtifactRef> out = new ArrayList<>();
    Arrays.stream(refs).filter(Objects::nonNull).forEach(out::add);
    return out;
  }
}
