package dev.repflow.models;

import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.StepProgress;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.FashionMnist;
import dev.repflow.data.FeatureTables;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepCache;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Model steps: supervised pretraining with checkpoints, frozen-backbone embedding. */
public class ModelActivitiesImpl implements ModelActivities {
  static final String PRETRAIN = "pretrain";
  static final String EMBED = "embed";
  private static final int PRETRAIN_VERSION = 2; // 2: the ViT attention scale outlives backward
  private static final int EMBED_VERSION = 1;
  private static final int EMBED_BATCH = 256;

  private final ArtifactStore store;
  private final FeatureFiles files;
  private final StepCache cache;

  public ModelActivitiesImpl(ArtifactStore store) {
    this.store = store;
    this.files = new FeatureFiles(store);
    this.cache = new StepCache(store);
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
          ImageSet images = FashionMnist.load(dataset, Split.TRAIN, classes);
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
                      false));
        });
  }

  @Override
  public StepResult embed(
      RunContext run,
      DatasetSpec dataset,
      Split split,
      List<Integer> classes,
      TrainedBackbone backbone) {
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
                      "model", backbone.model(),
                      "headClasses", backbone.numClasses()),
                  List.of(backbone.checkpoint()),
                  "h5");
          var cached = cache.reusable(run, key.key());
          if (cached.isPresent()) {
            return new StepResult(cached.get(), true);
          }
          ProgressReporter progress = ProgressReporter.forCurrentActivity();
          ImageSet images = FashionMnist.load(dataset, split, classes);
          Path weights = store.download(backbone.checkpoint());
          float[][] embeddings;
          try {
            embeddings =
                new Embedder()
                    .embed(
                        images,
                        weights,
                        backbone.model(),
                        backbone.numClasses(),
                        EMBED_BATCH,
                        (batch, batches) ->
                            progress.report(
                                StepProgress.of(
                                    EMBED,
                                    "batch",
                                    batch,
                                    batches,
                                    split.id() + " batch " + batch + "/" + batches)));
          } finally {
            Files.deleteIfExists(weights);
          }
          var attributes =
              Map.of(
                  "kind", "embeddings",
                  "dataset", dataset.name(),
                  "split", split.id(),
                  "model", backbone.model().label(),
                  "layer", "penultimate",
                  "checkpoint", backbone.checkpoint().uri(),
                  "spec_sha256", key.specSha256());
          return new StepResult(
              files.write(key.key(), FeatureTables.of(images, embeddings, attributes)), false);
        });
  }
}
