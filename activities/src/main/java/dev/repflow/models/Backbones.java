package dev.repflow.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.ImageShape;

/** Builds the DJL blocks for a {@link ModelSpec}. */
public final class Backbones {
  /** FashionMNIST's images, the input the built-in backbones were first made for. */
  public static final ImageShape FASHION_MNIST = DatasetSpec.FASHION_MNIST_SHAPE;

  private Backbones() {}

  /**
   * An uninitialized classifier for {@code [B, C, H, W]} input of {@code input}'s shape, e.g. 6
   * channels for anchored RGB training ([anchor, x - anchor]): backbone for {@code spec} plus a
   * {@code Linear(numClasses)} head.
   *
   * @throws IllegalArgumentException for an unknown architecture or an image size it cannot take
   */
  public static Classifier build(ModelSpec spec, int numClasses, ImageShape input) {
    if (numClasses < 2) {
      throw new IllegalArgumentException(
          "a classifier needs at least 2 classes, got " + numClasses);
    }
    requireFits(spec, input);
    NamedLayers layers =
        switch (spec.arch()) {
          case ModelSpec.CNN -> cnn(spec);
          case ModelSpec.VIT -> VisionTransformer.build(spec);
          case ModelSpec.RESNET18 -> ResNet18.build(spec);
          default ->
              throw new IllegalArgumentException(
                  "model.arch: no backbone for architecture '" + spec.arch() + "'");
        };
    return new Classifier(spec, numClasses, input, layers, head(numClasses));
  }

  /**
   * FUNGI's default gradient layer: the last hidden linear layer of the CNN ({@code fc}), the last
   * block's attention output projection of the ViT.
   *
   * @throws IllegalArgumentException for the ResNet-18, whose backbone has no linear layer
   */
  public static String defaultGradientLayer(ModelSpec spec) {
    return switch (spec.arch()) {
      case ModelSpec.VIT -> VisionTransformer.lastAttentionProjection();
      case ModelSpec.CNN -> "fc";
      default ->
          throw new IllegalArgumentException(
              "model.arch "
                  + spec.arch()
                  + " has no linear layer before its embedding to take gradients of (use cnn, vit"
                  + " or a TorchScript backbone)");
    };
  }

  private static void requireFits(ModelSpec spec, ImageShape input) {
    int h = input.height();
    int w = input.width();
    boolean fits =
        switch (spec.arch()) {
          case ModelSpec.VIT -> h % VisionTransformer.GRID == 0 && w % VisionTransformer.GRID == 0;
          case ModelSpec.RESNET18 -> h >= 8 && w >= 8;
          default -> h >= 4 && w >= 4;
        };
    if (!fits) {
      throw new IllegalArgumentException(
          "model.arch "
              + spec.arch()
              + " cannot take "
              + input.label()
              + " images ("
              + (spec.arch().equals(ModelSpec.VIT)
                  ? "the ViT needs height and width divisible by " + VisionTransformer.GRID
                  : "they are too small")
              + "); set dataset.preprocess.resize / crop");
    }
  }

  /**
   * conv3x3(w)-ReLU-maxpool, conv3x3(2w)-ReLU-maxpool, flatten, linear(E), ReLU: {@code [B, C, H,
   * W]} to {@code [B, E]}. No BatchNorm, so training and inference compute the same function and
   * embeddings need no running statistics.
   *
   * <p>Layers: {@code conv1} [B, w, H, W], {@code pool1} [B, w, H/2, W/2], {@code conv2} [B, 2w,
   * H/2, W/2], {@code pool2} [B, 2w, H/4, W/4], {@code flatten} [B, 2w*(H/4)*(W/4)], {@code fc} [B,
   * E] (the last hidden linear layer), {@code embedding} [B, E] (after ReLU).
   */
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
