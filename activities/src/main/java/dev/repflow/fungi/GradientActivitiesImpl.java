package dev.repflow.fungi;

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
import dev.repflow.models.TrainedBackbone;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepCache;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Per-sample gradient features of a frozen backbone, projected, one file per objective + split. */
public class GradientActivitiesImpl implements GradientActivities {
  private static final Logger log = LoggerFactory.getLogger(GradientActivitiesImpl.class);
  static final String GRADIENTS = "gradients";
  private static final int VERSION = 1;

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
          // batchSize is left out on purpose: per-sample gradients do not depend on it.
          StepKey key =
              StepKey.of(
                  run,
                  GRADIENTS,
                  VERSION,
                  Map.of(
                      "dataset", dataset,
                      "split", split,
                      "classes", classes,
                      "model", backbone.model(),
                      "headClasses", backbone.numClasses(),
                      "objective", objective),
                  List.of(backbone.checkpoint(), projection.artifact()),
                  "h5");
          var cached = cache.reusable(run, key.key());
          if (cached.isPresent()) {
            return new StepResult(cached.get(), true);
          }
          ProgressReporter progress = ProgressReporter.forCurrentActivity();
          ProjectionPlan plan =
              JsonArtifacts.read(store, projection.artifact(), ProjectionPlan.class);
          ImageSet images = FashionMnist.load(dataset, split, classes);
          ImageSet pool =
              split == Split.TRAIN ? images : FashionMnist.load(dataset, Split.TRAIN, classes);
          Path weights = store.download(backbone.checkpoint());
          long begin = System.nanoTime();
          float[][] features;
          try {
            features =
                GradientFeatures.compute(
                    m -> Checkpoints.load(weights, backbone.model(), backbone.numClasses(), m),
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
                                    + batches)));
          } finally {
            Files.deleteIfExists(weights);
          }
          log.info(
              "{} gradients of {} {} images in {} ms",
              objective.name(),
              images.size(),
              split.id(),
              (System.nanoTime() - begin) / 1_000_000);
          var attributes =
              Map.of(
                  "kind", "gradients",
                  "dataset", dataset.name(),
                  "split", split.id(),
                  "model", backbone.model().label(),
                  "layer", plan.layer(),
                  "objective", objective.name(),
                  "projection", projection.artifact().uri(),
                  "checkpoint", backbone.checkpoint().uri(),
                  "spec_sha256", key.specSha256());
          return new StepResult(
              files.write(key.key(), FeatureTables.of(images, features, attributes)), false);
        });
  }
}
