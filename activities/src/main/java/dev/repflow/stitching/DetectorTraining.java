package dev.repflow.stitching;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Permutations;
import dev.repflow.models.Classifier;
import dev.repflow.models.ImageTensors;
import java.util.Random;

/**
 * Trains an {@link EnergyDetector} on a frozen network's layer as the reference's {@code
 * exec_train_representation_classifier.py} does: {@code epochs} of cross-entropy on the ID images
 * (Adam), then {@code finetuneEpochs} of energy fine-tuning with a fresh Adam, each batch half ID
 * images and half outliers, epochs of {@code min(ID, outliers)} images drawn by {@link
 * DisjointSubsets}; then measures it on ID vs OOD test data.
 */
final class DetectorTraining {
  private final Classifier model;
  private final String layer;
  private final NDManager base;
  private final ParameterStore store;

  DetectorTraining(Classifier model, String layer, NDManager base) {
    this.model = model;
    this.layer = layer;
    this.base = base;
    this.store = new ParameterStore(base, false);
  }

  NDArray representations(NDArray images) {
    return model.layers().run(store, images, null, layer, false);
  }

  /** Optimizer steps {@link #train} takes, for progress reports. */
  static long steps(int idSize, int outlierSize, OodSettings settings) {
    long perEpoch = (idSize + settings.batchSize() - 1) / settings.batchSize();
    int half = settings.batchSize() / 2;
    long finetune = ((long) Math.min(idSize, outlierSize) + half - 1) / half;
    return settings.epochs() * perEpoch + settings.finetuneEpochs() * finetune;
  }

  /**
   * @param idTargets class indices of {@code id}
   * @param outliers the outlier-exposure images
   */
  void train(
      EnergyDetector detector,
      ImageSet id,
      int[] idTargets,
      ImageSet outliers,
      OodSettings settings,
      Runnable onBatch) {
    long seed = settings.seed();
    AdamSteps adam =
        new AdamSteps(detector.parameters(), settings.learningRate(), settings.weightDecay(), base);
    for (int e = 0; e < settings.epochs(); e++) {
      int[] order = Permutations.of(id.size(), seed + e);
      Batches.forEach(
          id,
          order,
          settings.batchSize(),
          base,
          (batch, images, from, to) -> {
            NDArray y = ImageTensors.targets(batch, idTargets, order, from, to);
            detector.trainStep(adam, representations(images), y, null, false, 0, 0, 0, batch);
            onBatch.run();
          });
    }
    finetune(detector, id, idTargets, outliers, settings, onBatch);
    detector.parameters().forEach(p -> p.setRequiresGradient(false));
  }

  private void finetune(
      EnergyDetector detector,
      ImageSet id,
      int[] idTargets,
      ImageSet outliers,
      OodSettings settings,
      Runnable onBatch) {
    AdamSteps adam =
        new AdamSteps(detector.parameters(), settings.learningRate(), settings.weightDecay(), base);
    int perEpoch = Math.min(id.size(), outliers.size());
    Random random = new Random(settings.seed() + 1000);
    var idSubsets = new DisjointSubsets(id.size(), perEpoch, random);
    var outSubsets = new DisjointSubsets(outliers.size(), perEpoch, random);
    int half = settings.batchSize() / 2;
    int step = 0;
    for (int e = 0; e < settings.finetuneEpochs(); e++) {
      int[] idOrder = idSubsets.next();
      int[] outOrder = outSubsets.next();
      // Paired batches until the shorter side runs out, as zip(id_loader, ood_loader) does.
      int batches =
          Math.min((idOrder.length + half - 1) / half, (outOrder.length + half - 1) / half);
      for (int b = 0; b < batches; b++) {
        int from = b * half;
        try (NDManager batch = base.newSubManager()) {
          int idTo = Math.min(idOrder.length, from + half);
          int outTo = Math.min(outOrder.length, from + half);
          NDArray inReps = representations(ImageTensors.images(batch, id, idOrder, from, idTo));
          NDArray y = ImageTensors.targets(batch, idTargets, idOrder, from, idTo);
          NDArray outReps =
              representations(ImageTensors.images(batch, outliers, outOrder, from, outTo));
          adam.setLearningRate(settings.finetuneRate(step, e));
          detector.trainStep(
              adam,
              inReps,
              y,
              outReps,
              true,
              OodSettings.M_IN,
              OodSettings.M_OUT,
              OodSettings.WEIGHT,
              batch);
        }
        step++;
        onBatch.run();
      }
    }
  }

  /** Energies of the layer's representations of {@code images}, {@code [N]}. */
  double[] energies(EnergyDetector detector, ImageSet images) {
    double[] out = new double[images.size()];
    Batches.forEach(
        images,
        Networks.order(images.size()),
        Networks.BATCH,
        base,
        (batch, x, from, to) -> {
          float[] e = detector.energy(representations(x)).toFloatArray();
          for (int i = 0; i < e.length; i++) {
            out[from + i] = e[i];
          }
        });
    return out;
  }

  /** The detector's classification accuracy on {@code images}. */
  double accuracy(EnergyDetector detector, ImageSet images, int[] targets) {
    long[] hits = {0};
    Batches.forEach(
        images,
        Networks.order(images.size()),
        Networks.BATCH,
        base,
        (batch, x, from, to) ->
            hits[0] +=
                PairStitcher.count(detector.logits(representations(x)).argMax(1), targets, from));
    return (double) hits[0] / images.size();
  }
}
