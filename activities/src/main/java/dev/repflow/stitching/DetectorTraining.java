package dev.repflow.stitching;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.repflow.data.ImageSet;
import dev.repflow.models.Classifier;
import dev.repflow.models.ImageTensors;

/**
 * Trains an {@link EnergyDetector} on a frozen network's layer: cross-entropy epochs on the ID
 * classes, then as many fine-tuning epochs with the energy margins against auxiliary outliers; then
 * measures it on ID vs OOD test data.
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

  /**
   * @param idTargets class indices of {@code id}
   * @param outliers auxiliary outlier images, cycled to pair with every ID batch
   */
  void train(
      EnergyDetector detector,
      ImageSet id,
      int[] idTargets,
      ImageSet outliers,
      int epochs,
      long seed,
      double mIn,
      double mOut,
      double weight,
      Runnable onBatch) {
    AdamSteps adam = new AdamSteps(detector.parameters(), 1e-3, base);
    int batchSize = 128;
    for (int e = 0; e < 2 * epochs; e++) {
      boolean energyTerm = e >= epochs;
      int[] order = Batches.shuffled(id.size(), seed + e);
      int[] outOrder = Batches.shuffled(outliers.size(), seed + 1000 + e);
      Batches.forEach(
          id,
          order,
          batchSize,
          base,
          (batch, images, from, to) -> {
            NDArray y = ImageTensors.targets(batch, idTargets, order, from, to);
            NDArray outReps = null;
            if (energyTerm) {
              int start = from % outliers.size();
              int end = Math.min(outliers.size(), start + (to - from));
              outReps = representations(ImageTensors.images(batch, outliers, outOrder, start, end));
            }
            detector.trainStep(
                adam, representations(images), y, outReps, energyTerm, mIn, mOut, weight, batch);
            onBatch.run();
          });
    }
    detector.parameters().forEach(p -> p.setRequiresGradient(false));
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
