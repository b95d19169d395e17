package dev.repflow.stitching;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.data.ImageSet;
import dev.repflow.models.Classifier;
import dev.repflow.models.FrozenBackbones;
import dev.repflow.models.ImageTensors;
import dev.repflow.models.TrainedBackbone;

/** Frozen trained networks: loading, and layer activations over image sets. */
final class Networks {
  static final int BATCH = 256;

  private Networks() {}

  /** Downloads and loads a checkpoint into {@code manager}, every parameter frozen. */
  static Classifier load(ArtifactStore store, TrainedBackbone backbone, NDManager manager) {
    Classifier model = FrozenBackbones.loadClassifier(store, backbone.ref(), manager);
    model.parameters().forEach(p -> p.getArray().setRequiresGradient(false));
    return model;
  }

  /** Identity order {@code 0..n-1}. */
  static int[] order(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /**
   * Flattened activations of {@code layer} for every image.
   *
   * @return {@code [N, D]}, D = product of the layer's per-sample shape
   */
  static double[][] rows(Classifier model, String layer, ImageSet images, NDManager base) {
    ParameterStore store = new ParameterStore(base, false);
    int n = images.size();
    double[][] out = new double[n][];
    int[] order = order(n);
    for (int from = 0; from < n; from += BATCH) {
      int to = Math.min(n, from + BATCH);
      try (NDManager batch = base.newSubManager()) {
        NDArray x = ImageTensors.images(batch, images, order, from, to);
        NDArray h = model.layers().run(store, x, null, layer, false);
        float[] flat = h.toFloatArray();
        int d = flat.length / (to - from);
        for (int k = from; k < to; k++) {
          out[k] = new double[d];
          for (int j = 0; j < d; j++) {
            out[k][j] = flat[(k - from) * d + j];
          }
        }
      }
    }
    return out;
  }

  /** Test accuracy of a whole network on {@code images} with class indices {@code targets}. */
  static double accuracy(Classifier model, ImageSet images, int[] targets, NDManager base) {
    ParameterStore store = new ParameterStore(base, false);
    long[] hits = {0};
    Batches.forEach(
        images,
        order(images.size()),
        BATCH,
        base,
        (batch, x, from, to) ->
            hits[0] += PairStitcher.count(model.logits(store, x, false).argMax(1), targets, from));
    return (double) hits[0] / images.size();
  }
}
