package dev.repflow.fungi;

import ai.djl.ndarray.NDManager;
import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.StepProgress;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.FeatureTables;
import dev.repflow.data.ImageSource;
import dev.repflow.data.LabeledRows;
import dev.repflow.data.Split;
import dev.repflow.models.BackboneRef;
import dev.repflow.models.ImageTensors;
import dev.repflow.steps.CachedSteps;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FUNGI's per-sample gradient features of a frozen backbone: the projection plan for its layer,
 * then one projected feature file per objective and split.
 */
public class GradientActivitiesImpl implements GradientActivities {
  private static final Logger log = LoggerFactory.getLogger(GradientActivitiesImpl.class);
  static final String PROJECTION = "fungi-projection";
  static final String GRADIENTS = "gradients";
  private static final int PROJECTION_VERSION = 1;
  // 2: the objectives as fungivision computes them; 3: temperatures outlive the backward pass
  private static final int GRADIENTS_VERSION = 3;

  private final ArtifactStore store;
  private final CachedSteps steps;

  public GradientActivitiesImpl(ArtifactStore store) {
    this.store = store;
    this.steps = CachedSteps.on(store);
  }

  @Override
  public FungiProjection plan(
      RunContext run, BackboneRef backbone, String layer, ProjectionSpec spec) {
    return StepFailures.guard(
        PROJECTION,
        () -> {
          ProjectionPlan plan = BackboneCuts.plan(backbone, layer, spec);
          Map<String, Object> params = new TreeMap<>();
          if (backbone instanceof BackboneRef.TorchScript ts) {
            params.put("torchscript", ts.checksums());
          }
          params.put("plan", plan);
          String key =
              StepKey.of(run, PROJECTION, PROJECTION_VERSION, params, List.of(), "json").key();
          return steps.reuseOrCompute(
              run,
              key,
              ref -> projection(plan, ref, true),
              () -> projection(plan, JsonArtifacts.put(store, key, plan), false));
        });
  }

  private static FungiProjection projection(ProjectionPlan plan, ArtifactRef ref, boolean cached) {
    return new FungiProjection(ref, plan.layer(), plan.gradientDim(), plan.dim(), cached);
  }

  @Override
  public StepResult gradients(
      RunContext run,
      DatasetSpec dataset,
      Split split,
      List<Integer> classes,
      BackboneRef backbone,
      ObjectiveSpec objective,
      FungiProjection projection,
      int batchSize) {
    return StepFailures.guard(
        GRADIENTS,
        () -> {
          // batchSize is left out on purpose: per-sample gradients do not depend on it.
          Map<String, Object> params = new TreeMap<>(backbone.cacheParams());
          params.putAll(
              Map.of(
                  "dataset", dataset,
                  "split", split,
                  "classes", classes,
                  "objective", objective));
          List<ArtifactRef> inputs = new ArrayList<>(backbone.artifacts());
          inputs.add(projection.artifact());
          StepKey key = StepKey.of(run, GRADIENTS, GRADIENTS_VERSION, params, inputs, "h5");
          return steps.features(
              run,
              key.key(),
              () -> {
                ProgressReporter progress = ProgressReporter.forCurrentActivity();
                ProjectionPlan plan =
                    JsonArtifacts.read(store, projection.artifact(), ProjectionPlan.class);
                ImageSource images = Datasets.open(dataset, split, classes);
                ImageTensors.requireShape(images.shape(), backbone.input());
                ImageSource pool = Datasets.open(dataset, Split.TRAIN, classes);
                long begin = System.nanoTime();
                LabeledRows features;
                try (NDManager base = NDManager.newBaseManager();
                    BackboneCut cut = BackboneCuts.open(store, backbone, plan.layer(), base)) {
                  features =
                      GradientFeatures.compute(
                          cut,
                          plan,
                          objective,
                          images,
                          pool,
                          batchSize,
                          base,
                          (batch, batches, rate) ->
                              progress.report(
                                  StepProgress.of(
                                      GRADIENTS,
                                      "batch",
                                      batch,
                                      batches,
                                      String.format(
                                          Locale.ROOT,
                                          "%s %s batch %d/%d, %.1f images/s",
                                          objective.name(),
                                          split.id(),
                                          batch,
                                          batches,
                                          rate))));
                }
                log.info(
                    "{} gradients of {} {} images in {} ms",
                    objective.name(),
                    features.size(),
                    split.id(),
                    (System.nanoTime() - begin) / 1_000_000);
                Map<String, String> attributes = new TreeMap<>();
                attributes.put("kind", "gradients");
                attributes.put("model", backbone.label());
                attributes.put("checkpoint", backbone.weights());
                attributes.put("layer", plan.layer());
                attributes.put("objective", objective.name());
                attributes.put("projection", projection.artifact().uri());
                attributes.put("spec_sha256", key.specSha256());
                return features.table(FeatureTables.attributes(dataset, split, attributes));
              });
        });
  }
}
