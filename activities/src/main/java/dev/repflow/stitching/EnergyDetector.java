package dev.repflow.stitching;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small classifier on one layer's flattened representations, {@code Linear(D, H)-ReLU-Linear(H,
 * C)}, whose energy {@code -logsumexp(logits)} scores how out-of-distribution a representation is.
 */
final class EnergyDetector {
  private final Affine hidden;
  private final Affine out;

  EnergyDetector(Affine hidden, Affine out) {
    this.hidden = hidden;
    this.out = out;
  }

  static EnergyDetector random(NDManager manager, int inputs, int width, int classes, long seed) {
    Random random = new Random(seed);
    return new EnergyDetector(
        Affine.random(manager, inputs, width, random),
        Affine.random(manager, width, classes, random));
  }

  /** {@code [B, ...] -> [B, C]} (input flattened). */
  NDArray logits(NDArray representations) {
    NDArray x = representations.reshape(representations.getShape().get(0), -1);
    return out.apply(Activation.relu(hidden.apply(x)));
  }

  /** {@code [B, ...] -> [B]} energies. */
  NDArray energy(NDArray representations) {
    return EnergyLoss.energy(logits(representations));
  }

  List<NDArray> parameters() {
    List<NDArray> all = new ArrayList<>(hidden.parameters());
    all.addAll(out.parameters());
    return all;
  }

  byte[] encode() {
    return new NDList(parameters()).encode();
  }

  static EnergyDetector decode(NDManager manager, byte[] bytes) {
    NDList list = NDList.decode(manager, bytes);
    return new EnergyDetector(
        new Affine(list.get(0), list.get(1)), new Affine(list.get(2), list.get(3)));
  }

  /**
   * One Adam step on a batch.
   *
   * @param outReps auxiliary outliers' representations; unused without {@code energyTerm}
   * @param energyTerm false trains with cross-entropy alone
   */
  void trainStep(
      AdamSteps adam,
      NDArray inReps,
      NDArray targets,
      NDArray outReps,
      boolean energyTerm,
      double mIn,
      double mOut,
      double weight,
      NDManager scratch) {
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray loss =
          energyTerm
              ? EnergyLoss.loss(logits(inReps), targets, logits(outReps), mIn, mOut, weight)
              : EnergyLoss.crossEntropy(logits(inReps), targets);
      collector.backward(loss);
    }
    adam.step(scratch);
  }
}
