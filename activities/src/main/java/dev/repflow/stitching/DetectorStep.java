package dev.repflow.stitching;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.RunContext;
import dev.repflow.common.StepProgress;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.models.Classifier;
import dev.repflow.models.GradMode;
import dev.repflow.models.ImageTensors;
import dev.repflow.models.TrainedBackbone;
import dev.repflow.steps.CachedSteps;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The energy OOD detector step: train, measure on ID vs OOD test data, store weights + manifest.
 */
final class DetectorStep {
  // 2: disjoint exposure / test outliers, the reference's fine-tuning schedule and FPR95.
  // 3: the energy loss's margins and weight outlive the backward pass (see models.Scalars).
  private static final int VERSION = 3;

  private final ArtifactStore store;
  private final CachedSteps steps;

  DetectorStep(ArtifactStore store, CachedSteps steps) {
    this.store = store;
    this.steps = steps;
  }

  OodDetector run(
      RunContext run,
      DatasetSpec dataset,
      List<Integer> classes,
      LayerRef layer,
      TrainedBackbone model,
      OodSettings settings) {
    String step = StitchingActivitiesImpl.DETECTOR;
    return StepFailures.guard(
        step,
        () -> {
          if (!settings.enabled()) {
            throw new IllegalArgumentException(
                "ood: neither ood.exposure nor ood.test is set: no detector to train");
          }
          var params =
              Map.of("dataset", dataset, "classes", classes, "layer", layer, "settings", settings);
          StepKey key = StepKey.of(run, step, VERSION, params, List.of(model.checkpoint()), "json");
          return steps.json(
              run,
              key.key(),
              OodDetector.class,
              () -> train(dataset, classes, layer, model, settings, key),
              (detector, ref, cached) -> cached ? detector.asCached() : detector);
        });
  }

  private OodDetector train(
      DatasetSpec dataset,
      List<Integer> classes,
      LayerRef layer,
      TrainedBackbone model,
      OodSettings settings,
      StepKey key)
      throws Exception {
    String step = StitchingActivitiesImpl.DETECTOR;
    var progress = ProgressReporter.forCurrentActivity();
    ImageSet idTrain = Samples.perClass(dataset, Split.TRAIN, classes, settings.trainPerClass());
    ImageSet idTest = Datasets.load(dataset, Split.TEST, classes);
    ImageSet exposure = OutlierSets.exposure(dataset, idTrain, settings);
    ImageSet outTest = OutlierSets.test(dataset, idTest, settings);
    try (NDManager base = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      Classifier net = Networks.load(store, model, base);
      StitchingActivitiesImpl.requireLayer(net, layer, "pairs[].endLayer");
      var training = new DetectorTraining(net, layer.layer(), base);
      int inputs;
      try (NDManager scratch = base.newSubManager()) {
        NDArray one =
            training.representations(scratch.zeros(ImageTensors.batchShape(1, net.input())));
        inputs = (int) one.size();
      }
      EnergyDetector detector =
          EnergyDetector.random(base, inputs, settings.hidden(), classes.size(), settings.seed());
      long[] done = {0};
      long total = DetectorTraining.steps(idTrain.size(), exposure.size(), settings);
      training.train(
          detector,
          idTrain,
          Batches.targets(idTrain, classes),
          exposure,
          settings,
          () ->
              progress.report(
                  StepProgress.of(step, "batch", ++done[0], total, layer.label() + " detector")));
      double[] inEnergies = training.energies(detector, idTest);
      double[] outEnergies = training.energies(detector, outTest);
      var operatingPoint = RocMetrics.at95(inEnergies, outEnergies);
      String weightsKey = key.key().replaceFirst("\\.json$", ".params");
      Path file = Files.createTempFile("repflow-detector-", ".params");
      ArtifactRef weights;
      try {
        Files.write(file, detector.encode());
        weights = store.put(weightsKey, file, "params", List.of());
      } finally {
        Files.deleteIfExists(file);
      }
      OodDetector result =
          new OodDetector(
              layer,
              weights,
              inputs,
              settings.hidden(),
              classes.size(),
              new OodDetector.ImageCounts(
                  idTrain.size(), exposure.size(), idTest.size(), outTest.size()),
              operatingPoint.threshold(),
              training.accuracy(detector, idTest, Batches.targets(idTest, classes)),
              RocMetrics.auroc(inEnergies, outEnergies),
              operatingPoint.fpr(),
              false);
      return result;
    }
  }
}
