package dev.repflow.anchoring;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.artifacts.RunContext;
import dev.repflow.common.StepProgress;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageSource;
import dev.repflow.data.ReadProgress;
import dev.repflow.data.Split;
import dev.repflow.models.CheckpointedTraining;
import dev.repflow.models.Checkpoints;
import dev.repflow.models.Classifier;
import dev.repflow.models.GradMode;
import dev.repflow.models.ModelSpec;
import dev.repflow.steps.CachedSteps;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepCache;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** GPU steps of the anchoring pipeline: SGD training with epoch checkpoints, inference. */
public class AnchoringActivitiesImpl implements AnchoringActivities {
  static final String TRAIN = "anchoring-train";
  static final String INFER = "anchoring-infer";
  // 2: masked anchors keep the residual x - anchor; anchors drawn per batch as the reference does.
  // 3: the checkpoint format shared with pretraining (same weights, other bytes).
  private static final int TRAIN_VERSION = 3;
  // 2: shared anchors, logits averaged, sigmoid spread (LLNL/anchoring inference).
  private static final int INFER_VERSION = 2;

  private final ArtifactStore store;
  private final StepCache cache;
  private final FeatureFiles files;
  private final CachedSteps steps;

  public AnchoringActivitiesImpl(ArtifactStore store) {
    this.store = store;
    this.cache = new StepCache(store);
    this.files = new FeatureFiles(store);
    this.steps = CachedSteps.on(store);
  }

  @Override
  public AnchoredModel train(
      RunContext run,
      DatasetSpec dataset,
      ModelSpec model,
      AnchorTraining train,
      ModelVariant variant) {
    return StepFailures.guard(
        TRAIN,
        () -> {
          // The alpha list is left out on purpose: adding an alpha must not retrain the others.
          Map<String, Object> params = new LinkedHashMap<>();
          params.put("dataset", dataset);
          params.put("model", model);
          params.put("variant", variant);
          params.put("epochs", train.epochs());
          params.put("batchSize", train.batchSize());
          params.put("learningRate", train.learningRate());
          params.put("momentum", train.momentum());
          params.put("weightDecay", train.weightDecay());
          params.put("seed", train.seed());
          String manifestKey =
              StepKey.of(run, TRAIN, TRAIN_VERSION, params, List.of(), "json").key();
          var cached =
              CheckpointedTraining.reusable(
                  cache, store, run, manifestKey, AnchoredModel.class, AnchoredModel::checkpoint);
          if (cached.isPresent()) {
            return cached.get().asCached();
          }
          ImageSet images = Datasets.load(dataset, Split.TRAIN, allClasses(dataset));
          return CheckpointedTraining.run(
              store,
              run,
              manifestKey,
              TRAIN,
              variant.name(),
              train.epochs(),
              (resume, listener) ->
                  new AnchorTrainer()
                      .train(images, dataset.classCount(), model, train, variant, resume, listener),
              (checkpoint, outcome) ->
                  new AnchoredModel(
                      variant,
                      model,
                      dataset.classCount(),
                      checkpoint,
                      outcome.epochs(),
                      outcome.trainAccuracy(),
                      outcome.meanLoss(),
                      false,
                      images.shape()));
        });
  }

  @Override
  public CorruptionMetrics infer(
      RunContext run,
      DatasetSpec dataset,
      AnchoredModel model,
      CorruptedSet set,
      InferenceSpec inference) {
    return StepFailures.guard(
        INFER,
        () -> {
          Map<String, Object> params = new LinkedHashMap<>();
          params.put("dataset", dataset);
          params.put("variant", model.variant());
          params.put("corruption", set.corruption());
          params.put("severities", set.severities());
          params.put("inference", inference);
          StepKey key =
              StepKey.of(
                  run,
                  INFER,
                  INFER_VERSION,
                  params,
                  List.of(model.checkpoint(), set.images()),
                  "h5");
          return steps.reuseOrCompute(
              run,
              key.key(),
              ref -> metrics(model, set, files.read(ref), inference, ref, true),
              () -> infer(dataset, model, set, inference, key));
        });
  }

  /** Predicts {@code set} with {@code model}, stores the predictions and measures them. */
  private CorruptionMetrics infer(
      DatasetSpec dataset,
      AnchoredModel model,
      CorruptedSet set,
      InferenceSpec inference,
      StepKey key)
      throws IOException {
    FeatureTable images = files.read(set.images());
    Prediction prediction =
        predict(dataset, model, set, PredictionTables.images(images, dataset), inference);
    var attributes =
        Map.of(
            "kind", "predictions",
            "dataset", dataset.name(),
            "split", Split.TEST.id(),
            "model", model.model().label() + "/" + model.variant().name(),
            "corruption", set.corruption(),
            "checkpoint", model.checkpoint().uri(),
            "columns",
                "probabilities[0..C) (" + inference.average() + " averaged over anchors), spread",
            "spec_sha256", key.specSha256());
    FeatureTable table =
        new FeatureTable(
            PredictionTables.rows(prediction), images.labels(), images.indices(), attributes);
    return metrics(model, set, table, inference, files.write(key.key(), table), false);
  }

  private Prediction predict(
      DatasetSpec dataset,
      AnchoredModel model,
      CorruptedSet set,
      ImageSet test,
      InferenceSpec inference)
      throws IOException {
    AnchorPredictor predictor =
        new AnchorPredictor(
            inference.anchors(),
            inference.anchorSeed(),
            inference.batchSize(),
            inference.averagesLogits());
    ImageSet anchors = null;
    if (model.variant().anchored()) {
      ImageSource pool = Datasets.open(dataset, Split.TRAIN, allClasses(dataset));
      anchors = pool.load(predictor.sharedAnchors(pool.size()), ReadProgress.none());
    }
    ProgressReporter progress = ProgressReporter.forCurrentActivity();
    String what = model.variant().name() + " on " + set.corruption();
    Path weights = store.download(model.checkpoint());
    try (NDManager base = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      Classifier network;
      try {
        network = Checkpoints.load(weights, model.model(), model.numClasses(), model.input(), base);
      } catch (IllegalArgumentException e) {
        // The downloaded file is a temp file: name the artifact the user can find.
        throw new IllegalArgumentException(model.checkpoint().uri() + ": " + e.getMessage(), e);
      }
      ParameterStore parameters = new ParameterStore(base, false);
      return predictor.predictWith(
          x -> network.logits(parameters, x, false),
          anchors,
          test,
          base,
          (batch, batches) ->
              progress.report(
                  StepProgress.of(
                      INFER, "batch", batch, batches, what + " batch " + batch + "/" + batches)));
    } finally {
      Files.deleteIfExists(weights);
    }
  }

  private static CorruptionMetrics metrics(
      AnchoredModel model,
      CorruptedSet set,
      FeatureTable predictions,
      InferenceSpec inference,
      ArtifactRef ref,
      boolean cached) {
    return new CorruptionMetrics(
        model.variant().name(),
        set.corruption(),
        PredictionTables.perSeverity(predictions, set.severities(), inference.eceBins()),
        ref,
        cached);
  }

  private static List<Integer> allClasses(DatasetSpec dataset) {
    return IntStream.range(0, dataset.classCount()).boxed().toList();
  }
}
