package dev.repflow.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

/** Builds the DJL blocks for a {@link ModelSpec}. */
public final class Backbones {
  /** Input of the built-in backbones: one 28x28 grayscale image, {@code [1, 1, 28, 28]}. */
  public static final Shape INPUT_SHAPE = new Shape(1, 1, 28, 28);

  private Backbones() {}

  /**
   * An uninitialized classifier: backbone for {@code spec} plus a {@code Linear(numClasses)} head.
   *
   * @throws IllegalArgumentException for an unknown architecture
   */
  public static Classifier build(ModelSpec spec, int numClasses) {
    return build(spec, numClasses, 1);
  }

  /**
   * Like {@link #build(ModelSpec, int)} for {@code [B, inputChannels, 28, 28]} input, e.g. 2
   * channels for anchored training ([anchor, x - anchor]).
   */
  public static Classifier build(ModelSpec spec, int numClasses, int inputChannels) {
    if (inputChannels < 1) {
      throw new IllegalArgumentException("inputChannels must be positive, got " + inputChannels);
    }
    if (numClasses < 2) {
      throw new IllegalArgumentException(
          "a classifier needs at least 2 classes, got " + numClasses);
    }
    return switch (spec.arch()) {
      case ModelSpec.CNN ->
          new Classifier(spec, numClasses, inputChannels, cnn(spec), head(numClasses));
      case ModelSpec.VIT -> {
        if (inputChannels != 1) {
          // The ViT's patchify stage reads one grayscale channel.
          throw new IllegalArgumentException(
              "model.arch: vit takes 1 input channel, got " + inputChannels + " (use cnn)");
        }
        yield new Classifier(
            spec, numClasses, inputChannels, VisionTransformer.build(spec), head(numClasses));
      }
      default ->
          throw new IllegalArgumentException(
              "model.arch: no backbone for architecture '" + spec.arch() + "'");
    };
  }

  /**
   * conv3x3(w)-ReLU-maxpool, conv3x3(2w)-ReLU-maxpool, flatten, linear(E), ReLU: {@code [B, 1, 28,
   * 28]} to {@code [B, E]}. No BatchNorm, so training and inference compute the same function and
   * embeddings need no running statistics.
   *
   * <p>Layers: {@code conv1} [B, w, 28, 28], {@code pool1} [B, w, 14, 14], {@code conv2} [B, 2w,
   * 14, 14], {@code pool2} [B, 2w, 7, 7], {@code flatten} [B, 49*2w], {@code fc} [B, E] (the last
   * hidden linear layer), {@code embedding} [B, E] (after ReLU).
   */
  /**
   * FUNGI's default gradient layer: the last hidden linear layer of the CNN ({@code fc}), the last
   * block's attention output projection of the ViT.
   */
  public static String defaultGradientLayer(ModelSpec spec) {
    return spec.arch().equals(ModelSpec.VIT) ? VisionTransformer.lastAttentionProjection() : "fc";
  }

  private static NamedLayers cnn(ModelSpec spec) {
    return new NamedLayers()
        .add("conv1", new SequentialBlock().add(conv3x3(spec.width())).add(Activation::relu))
        .add("pool1", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add("conv2", new SequentialBlock().add(conv3x3(2 * spec.width())).add(Activation::relu))
        .add("pool2", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add("flatten", Blocks.batchFlattenBlock())
        .add("fc", Linear.builder().setUnits(spec.embeddingDim()).build())
        .add("embedding", new LambdaBlock(Activation::relu));
  }

  private static Conv2d conv3x3(int filters) {
    return Conv2d.builder()
        .setKernelShape(new Shape(3, 3))
        .optPadding(new Shape(1, 1))
        .setFilters(filters)
        .build();
  }

  private static Linear head(int numClasses) {
    return Linear.builder().setUnits(numClasses).build();
  }
}
