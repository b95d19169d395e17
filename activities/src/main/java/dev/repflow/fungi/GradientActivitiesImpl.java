package dev.repflow.fungi;

import ai.djl.ndarray.NDManager;
import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.StepProgress;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.FashionMnist;
import dev.repflow.data.FeatureTables;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.models.Checkpoints;
import dev.repflow.models.GradMode;
import dev.repflow.models.TrainedBackbone;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepCache;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Per-sample gradient features of a frozen backbone, projected, one file per objective + split. */
public class GradientActivitiesImpl implements GradientActivities {
  private static final Logger log = LoggerFactory.getLogger(GradientActivitiesImpl.class);
  static final String GRADIENTS = "gradients";
  static final String EMBED = "fungi-embed";
  private static final int EMBED_BATCH = 256;

  private static final int EMBED_VERSION = 1;
  // 2: the objectives as fungivision computes them; 3: temperatures outlive the backward pass
  private static final int GRADIENTS_VERSION = 3;

  private final ArtifactStore store;
  private final FeatureFiles files;
  private final StepCache cache;

  public GradientActivitiesImpl(ArtifactStore store) {
    this.store = store;
    this.files = new FeatureFiles(store);
    this.cache = new StepCache(store);
  }

  @Override
  public StepResult gradients(
      RunContext run,
      DatasetSpec dataset,
      Split split,
      List<Integer> classes,
      TrainedBackbone backbone,
      ObjectiveSpec objective,
      FungiProjection projection,
      int batchSize) {
    return StepFailures.guard(
        GRADIENTS,
        () -> {
          Map<String, Object> source =
              Map.of("model", backbone.model(), "headClasses", backbone.numClasses());
          return extract(
              run,
              dataset,
              split,
              classes,
              source,
              backbone.checkpoint(),
              objective,
              projection,
              batchSize,
              (plan, features) -> {
                Path weights = store.download(backbone.checkpoint());
                try {
                  return features.apply(
                      m ->
                          LayerCut.of(
                              Checkpoints.load(weights, backbone.model(), backbone.numClasses(), m),
                              plan.layer()));
                } finally {
                  Files.deleteIfExists(weights);
                }
              },
              Map.of(
                  "model", backbone.model().label(),
                  "checkpoint", backbone.checkpoint().uri()));
        });
  }

  @Override
  public StepResult gradientsTorchScript(
      RunContext run,
      DatasetSpec dataset,
      Split split,
      List<Integer> classes,
      String dir,
      ObjectiveSpec objective,
      FungiProjection projection,
      int batchSize) {
    return StepFailures.guard(
        GRADIENTS,
        () ->
            extract(
                run,
                dataset,
                split,
                classes,
                Map.of("torchscript", TorchScriptParts.checksums(Path.of(dir))),
                null,
                objective,
                projection,
                batchSize,
                (plan, features) -> {
                  try (TorchScriptCut cut = TorchScriptCut.load(Path.of(dir))) {
                    return features.apply(m -> cut);
                  }
                },
                Map.of("model", "torchscript", "checkpoint", dir)));
  }

  @Override
  public StepResult embedTorchScript(
      RunContext run, DatasetSpec dataset, Split split, List<Integer> classes, String dir) {
    return StepFailures.guard(
        EMBED,
        () -> {
          StepKey key =
              StepKey.of(
                  run,
                  EMBED,
                  EMBED_VERSION,
                  Map.of(
                      "dataset", dataset,
                      "split", split,
                      "classes", classes,
                      "torchscript", TorchScriptParts.checksums(Path.of(dir))),
                  List.of(),
                  "h5");
          var cached = cache.reusable(run, key.key());
          if (cached.isPresent()) {
            return new StepResult(cached.get(), true);
          }
          ImageSet images = FashionMnist.load(dataset, split, classes);
          float[][] embeddings;
          try (NDManager base = NDManager.newBaseManager();
              TorchScriptCut cut = TorchScriptCut.load(Path.of(dir))) {
            GradMode.offOnThisThread();
            embeddings = GradientFeatures.embed(cut, images, base, EMBED_BATCH);
          }
          var attributes =
              Map.of(
                  "kind",
                  "embeddings",
                  "dataset",
                  dataset.name(),
                  "split",
                  split.id(),
                  "model",
                  "torchscript",
                  "layer",
                  "tail",
                  "checkpoint",
                  dir,
                  "spec_sha256",
                  key.specSha256());
          return new StepResult(
              files.write(key.key(), FeatureTables.of(images, embeddings, attributes)), false);
        });
  }

  /** Loads a backbone for a projection plan and runs {@code features} with it. */
  private interface Source {
    float[][] with(
        ProjectionPlan plan, Function<Function<NDManager, BackboneCut>, float[][]> features)
        throws Exception;
  }

  private StepResult extract(
      RunContext run,
      DatasetSpec dataset,
      Split split,
      List<Integer> classes,
      Map<String, Object> backboneParams,
      ArtifactRef checkpoint,
      ObjectiveSpec objective,
      FungiProjection projection,
      int batchSize,
      Source source,
      Map<String, String> backboneAttributes)
      throws Exception {
    // batchSize is left out on purpose: per-sample gradients do not depend on it.
    Map<String, Object> params = new TreeMap<>(backboneParams);
    params.putAll(
        Map.of("dataset", dataset, "split", split, "classes", classes, "objective", objective));
    List<ArtifactRef> inputs = new ArrayList<>();
    if (checkpoint != null) {
      inputs.add(checkpoint);
    }
    inputs.add(projection.artifact());
    StepKey key = StepKey.of(run, GRADIENTS, GRADIENTS_VERSION, params, inputs, "h5");
    var cached = cache.reusable(run, key.key());
    if (cached.isPresent()) {
      return new StepResult(cached.get(), true);
    }
    ProgressReporter progress = ProgressReporter.forCurrentActivity();
    ProjectionPlan plan = JsonArtifacts.read(store, projection.artifact(), ProjectionPlan.class);
    ImageSet images = FashionMnist.load(dataset, split, classes);
    ImageSet pool =
        split == Split.TRAIN ? images : FashionMnist.load(dataset, Split.TRAIN, classes);
    long begin = System.nanoTime();
    float[][] features =
        source.with(
            plan,
            loader ->
                GradientFeatures.compute(
                    loader,
                    plan,
                    objective,
                    images,
                    pool,
                    batchSize,
                    (batch, batches) ->
                        progress.report(
                            StepProgress.of(
                                GRADIENTS,
                                "batch",
                                batch,
                                batches,
                                objective.name()
                                    + " "
                                    + split.id()
                                    + " batch "
                                    + batch
                                    + "/"
                                    + batches))));
    log.info(
        "{} gradients of {} {} images in {} ms",
        objective.name(),
        images.size(),
        split.id(),
        (System.nanoTime() - begin) / 1_000_000);
    Map<String, String> attributes = new TreeMap<>(backboneAttributes);
    attributes.putAll(
        Map.of(
            "kind", "gradients",
            "dataset", dataset.name(),
            "split", split.id(),
            "layer", plan.layer(),
            "objective", objective.name(),
            "projection", projection.artifact().uri(),
            "spec_sha256", key.specSha256()));
    return new StepResult(
        files.write(key.key(), FeatureTables.of(images, features, attributes)), false);
  }
}
