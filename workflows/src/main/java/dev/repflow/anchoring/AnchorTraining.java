package dev.repflow.anchoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Training of every model of the comparison: same architecture, budget and seed for all.
 *
 * <p>SGD with momentum and weight decay (PyTorch's form: {@code v = m v + g + wd w; w -= lr v}),
 * learning rate on a cosine schedule from {@code learningRate} to 0 over all steps.
 *
 * @param epochs passes over the training split
 * @param batchSize images per step
 * @param learningRate initial SGD learning rate, default 0.05
 * @param momentum default 0.9
 * @param weightDecay L2 penalty added to the gradient, default 5e-4
 * @param seed weight init, shuffling, anchor draws and masking
 * @param alphas one anchored model per reference-masking probability, default [0.0, 0.25]
 * @param standard also train the plain network, default true
 */
public record AnchorTraining(
    int epochs,
    int batchSize,
    Double learningRate,
    Double momentum,
    Double weightDecay,
    long seed,
    List<Double> alphas,
    Boolean standard) {

  public AnchorTraining {
    if (epochs < 1 || epochs > 1000) {
      throw new IllegalArgumentException("train.epochs must be in 1..1000, got " + epochs);
    }
    if (batchSize < 1 || batchSize > 65536) {
      throw new IllegalArgumentException("train.batchSize must be in 1..65536, got " + batchSize);
    }
    learningRate = learningRate == null ? 0.05 : learningRate;
    momentum = momentum == null ? 0.9 : momentum;
    weightDecay = weightDecay == null ? 5e-4 : weightDecay;
    if (!(learningRate > 0 && learningRate < 10)) {
      throw new IllegalArgumentException(
          "train.learningRate must be in (0, 10), got " + learningRate);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("train.momentum must be in [0, 1), got " + momentum);
    }
    if (!(weightDecay >= 0 && weightDecay < 1)) {
      throw new IllegalArgumentException("train.weightDecay must be in [0, 1), got " + weightDecay);
    }
    alphas = alphas == null ? List.of(0.0, 0.25) : List.copyOf(alphas);
    for (Double alpha : alphas) {
      if (alpha == null || !(alpha >= 0 && alpha <= 1)) {
        throw new IllegalArgumentException(
            "train.alphas: alpha " + alpha + " is outside [0, 1] (reference-masking probability)");
      }
    }
    if (alphas.stream().distinct().count() != alphas.size()) {
      throw new IllegalArgumentException("train.alphas lists a value twice: " + alphas);
    }
    standard = standard == null ? Boolean.TRUE : standard;
    if (!standard && alphas.isEmpty()) {
      throw new IllegalArgumentException("train: no model to train (standard false, alphas [])");
    }
  }

  /** The models to train: standard first (if asked), then one per alpha in config order. */
  public List<ModelVariant> variants() {
    List<ModelVariant> out = new ArrayList<>();
    if (standard) {
      out.add(ModelVariant.standard());
    }
    alphas.forEach(a -> out.add(ModelVariant.anchored(a)));
    return out;
  }
}
