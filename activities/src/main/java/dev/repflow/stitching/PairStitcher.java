package dev.repflow.stitching;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Permutations;
import dev.repflow.models.ImageTensors;
import java.util.Random;
import java.util.function.IntConsumer;

/** Fits and evaluates stitching layers for one {@link StitchedNetwork}. */
final class PairStitcher {
  private final StitchedNetwork network;
  private final NDManager base;
  private final ParameterStore store;

  /**
   * @param base owns the fitted layers; batches use its sub-managers
   */
  PairStitcher(StitchedNetwork network, NDManager base) {
    this.network = network;
    this.base = base;
    this.store = new ParameterStore(base, false);
  }

  /**
   * Direct matching on {@code samples}: rows of f's (resized) activations against rows of g's.
   *
   * @param rank retained rank of f's rows before the fit, or null for all
   */
  Affine direct(ImageSet samples, Integer rank, String what) {
    double[][][] rows = new double[2][][];
    try (NDManager scratch = base.newSubManager()) {
      NDArray images =
          ImageTensors.images(scratch, samples, Networks.order(samples.size()), 0, samples.size());
      rows[0] = toRows(network.rows(network.frontInput(store, images, scratch)));
      rows[1] = toRows(network.rows(network.endActivations(store, images)));
    }
    double[][] x =
        rank == null ? rows[0] : PrincipalSubspace.fit(rows[0], rank, what).truncate(rows[0]);
    return Affine.of(base, DirectMatching.fit(x, rows[1]));
  }

  /** A random stitching layer (PyTorch's default Linear/Conv init). */
  Affine random(long seed) {
    return Affine.random(base, network.inputs(), network.outputs(), new Random(seed));
  }

  /** Trains only {@code layer} on the task's cross-entropy; gradients flow through frozen g. */
  void taskLoss(
      Affine layer,
      ImageSet train,
      int[] targets,
      int epochs,
      int batchSize,
      double learningRate,
      long seed,
      IntConsumer onBatch) {
    AdamSteps adam = new AdamSteps(layer.parameters(), learningRate, base);
    int[] step = {0};
    for (int e = 0; e < epochs; e++) {
      int[] order = Permutations.of(train.size(), seed + e);
      Batches.forEach(
          train,
          order,
          batchSize,
          base,
          (batch, images, from, to) -> {
            NDArray y = ImageTensors.targets(batch, targets, order, from, to);
            NDArray x = network.frontInput(store, images, batch);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
              NDArray logits = network.logits(store, network.stitch(layer, x), true);
              collector.backward(EnergyLoss.crossEntropy(logits, y));
            }
            adam.step(batch);
            onBatch.accept(++step[0]);
          });
    }
    layer.parameters().forEach(p -> p.setRequiresGradient(false));
  }

  /**
   * Test accuracy of the stitched network and, with a detector, the energies of its stitched
   * activations.
   *
   * @param detector g's end-layer detector, or null
   */
  MethodScoreValues evaluate(Affine layer, ImageSet test, int[] targets, EnergyDetector detector) {
    long[] correct = {0};
    double[] energies = detector == null ? null : new double[test.size()];
    Batches.forEach(
        test,
        Networks.order(test.size()),
        Networks.BATCH,
        base,
        (batch, images, from, to) -> {
          NDArray stitched = network.stitch(layer, network.frontInput(store, images, batch));
          NDArray predicted = network.logits(store, stitched, false).argMax(1);
          correct[0] += count(predicted, targets, from);
          if (detector != null) {
            copy(detector.energy(stitched), energies, from);
          }
        });
    return new MethodScoreValues((double) correct[0] / test.size(), energies);
  }

  /** Energies of g's own end-layer activations of {@code test}: the ID side of the comparison. */
  double[] endEnergies(ImageSet test, EnergyDetector detector) {
    double[] energies = new double[test.size()];
    Batches.forEach(
        test,
        Networks.order(test.size()),
        Networks.BATCH,
        base,
        (batch, images, from, to) ->
            copy(detector.energy(network.endActivations(store, images)), energies, from));
    return energies;
  }

  private static void copy(NDArray values, double[] into, int from) {
    float[] v = values.toFloatArray();
    for (int i = 0; i < v.length; i++) {
      into[from + i] = v[i];
    }
  }

  static long count(NDArray predicted, int[] targets, int from) {
    long[] p = predicted.toLongArray();
    long hits = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] == targets[from + i]) {
        hits++;
      }
    }
    return hits;
  }

  private static double[][] toRows(NDArray rows) {
    long n = rows.getShape().get(0);
    long d = rows.getShape().get(1);
    float[] flat = rows.toFloatArray();
    double[][] out = new double[(int) n][(int) d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        out[i][j] = flat[(int) (i * d + j)];
      }
    }
    return out;
  }

  /** Accuracy and (with a detector, else null) stitched-activation energies {@code [N]}. */
  record MethodScoreValues(double accuracy, double[] energies) {}
}
