package dev.repflow.models;

import ai.djl.ndarray.NDManager;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.StepProgress;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.FeatureTables;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageShape;
import dev.repflow.data.ImageSource;
import dev.repflow.data.LabeledRows;
import dev.repflow.data.Split;
import dev.repflow.steps.CachedSteps;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepCache;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Model steps: supervised pretraining with checkpoints, backbone inspection, embedding. */
public class ModelActivitiesImpl implements ModelActivities {
  static final String PRETRAIN = "pretrain";
  static final String INSPECT = "inspect-torchscript";
  static final String EMBED = "embed";
  // 2: the ViT attention scale outlives backward.
  // 3: the checkpoint format shared with anchored training (same weights, other bytes).
  private static final int PRETRAIN_VERSION = 3;
  // 2: batches of at most EMBED_VALUES input values (other last bits for large images).
  private static final int EMBED_VERSION = 2;
  private static final int EMBED_BATCH = 256;
  private static final long EMBED_VALUES = 1 << 22;

  private final ArtifactStore store;
  private final StepCache cache;
  private final CachedSteps steps;

  public ModelActivitiesImpl(ArtifactStore store) {
    this.store = store;
    this.cache = new StepCache(store);
    this.steps = CachedSteps.on(store);
  }

  @Override
  public TrainedBackbone pretrain(
      RunContext run,
      DatasetSpec dataset,
      List<Integer> classes,
      ModelSpec model,
      TrainSpec train) {
    return StepFailures.guard(
        PRETRAIN,
        () -> {
          // The manifest is written last, so finding it means checkpoint and metrics are complete.
          String manifestKey =
              StepKey.of(
                      run,
                      PRETRAIN,
                      PRETRAIN_VERSION,
                      Map.of(
                          "dataset", dataset, "classes", classes, "model", model, "train", train),
                      List.of(),
                      "json")
                  .key();
          var cached =
              CheckpointedTraining.reusable(
                  cache,
                  store,
                  run,
                  manifestKey,
                  TrainedBackbone.class,
                  TrainedBackbone::checkpoint);
          if (cached.isPresent()) {
            return cached.get().asCached();
          }
          ImageSet images =
              Datasets.open(dataset, Split.TRAIN, classes)
                  .loadAll("pretraining", ReadHeartbeats.of(PRETRAIN));
          return CheckpointedTraining.run(
              store,
              run,
              manifestKey,
              PRETRAIN,
              "",
              train.epochs(),
              (resume, listener) ->
                  new BackboneTrainer().train(images, classes, model, train, resume, listener),
              (checkpoint, outcome) ->
                  new TrainedBackbone(
                      checkpoint,
                      model,
                      classes.size(),
                      outcome.trainAccuracy(),
                      outcome.meanLoss(),
                      false,
                      images.shape()));
        });
  }

  @Override
  public BackboneRef.TorchScript inspectTorchScript(RunContext run, String dir) {
    return StepFailures.guard(INSPECT, () -> TorchScriptParts.inspect(Path.of(dir)));
  }

  @Override
  public StepResult embed(
      RunContext run,
      DatasetSpec dataset,
      Split split,
      List<Integer> classes,
      BackboneRef backbone) {
    return StepFailures.guard(
        EMBED,
        () -> {
          Map<String, Object> params = new TreeMap<>(backbone.cacheParams());
          params.putAll(Map.of("dataset", dataset, "split", split, "classes", classes));
          StepKey key = StepKey.of(run, EMBED, EMBED_VERSION, params, backbone.artifacts(), "h5");
          return steps.features(
              run, key.key(), () -> embed(dataset, split, classes, backbone, key));
        });
  }

  /**
   * Images per embedding batch: {@value #EMBED_BATCH} at most, fewer for large images, so that the
   * time between two heartbeats (one per batch) stays well under the heartbeat timeout: 224x224 RGB
   * images through a ViT-B/16 on 2 shared cores take about a second each, and a batch of 200 of
   * them outlasted the default 120 s, so the step was timed out and retried without end.
   */
  static int embedBatch(ImageShape shape) {
    return (int) Math.max(1, Math.min(EMBED_BATCH, EMBED_VALUES / shape.values()));
  }

  private FeatureTable embed(
      DatasetSpec dataset, Split split, List<Integer> classes, BackboneRef backbone, StepKey key) {
    ProgressReporter progress = ProgressReporter.forCurrentActivity();
    ImageSource images = Datasets.open(dataset, split, classes);
    ImageTensors.requireShape(images.shape(), backbone.input());
    LabeledRows rows;
    try (NDManager base = NDManager.newBaseManager();
        FrozenBackbones.Encoder encoder = FrozenBackbones.open(store, backbone, base)) {
      rows =
          Embedder.embed(
              encoder,
              images,
              embedBatch(images.shape()),
              base,
              (batch, batches, rate) ->
                  progress.report(
                      StepProgress.of(
                          EMBED,
                          "batch",
                          batch,
                          batches,
                          String.format(
                              Locale.ROOT,
                              "%s batch %d/%d, %.0f images/s",
                              split.id(),
                              batch,
                              batches,
                              rate))));
    }
    Map<String, String> attributes = new TreeMap<>();
    attributes.put("kind", "embeddings");
    attributes.put("model", backbone.label());
    attributes.put("layer", backbone instanceof BackboneRef.TorchScript ? "tail" : "penultimate");
    attributes.put("checkpoint", backbone.weights());
    attributes.put("spec_sha256", key.specSha256());
    if (images.skipped() > 0) {
      attributes.put("skipped_unreadable", String.valueOf(images.skipped()));
    }
    return rows.table(FeatureTables.attributes(dataset, split, attributes));
  }
}
