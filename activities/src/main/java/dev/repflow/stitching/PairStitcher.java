package dev.repflow.stitching;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.repflow.data.ImageSet;
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
      int[] order = Batches.shuffled(train.size(), seed + e);
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
   * Accuracy of the stitched network on {@code test}, and the share of its stitched activations the
   * end layer's detector flags (null without one).
   */
  MethodScoreValues evaluate(
      Affine layer, ImageSet test, int[] targets, EnergyDetector detector, double threshold) {
    long[] correct = {0};
    long[] flagged = {0};
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
            flagged[0] += detector.energy(stitched).gt(threshold).countNonzero().getLong();
          }
        });
    return new MethodScoreValues(
        (double) correct[0] / test.size(),
        detector == null ? null : (double) flagged[0] / test.size());
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

  /** Accuracy and flagged share of one evaluation. */
  record MethodScoreValues(double accuracy, Double flagged) {}
}
